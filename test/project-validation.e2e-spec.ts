import { Project } from '@tsunagu/projects';
import { expectData, Fixtures, Person } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id title place { municipality { code } } endDate } }`;

// Bad input gets a specific error naming the field, and changes nothing.
describe('project input validation', () => {
  let platform: TestPlatform;
  let staff: Person;
  let regionId: string;

  const valid = () => ({
    regionOrganizationId: regionId,
    title: '棚田の援農',
    description: '田植えと稲刈りを手伝ってくれる人を募集します。',
    themeCode: 'agriculture',
    mode: 'ONSITE',
    startDate: '2027-05-01',
    endDate: '2027-09-30',
    capacity: 4,
  });

  async function expectFieldError(
    overrides: Record<string, unknown>,
    path: string,
    message: RegExp,
  ) {
    const before = await platform.dataSource.getRepository(Project).count();
    const result = await platform.gql(CREATE, { input: { ...valid(), ...overrides } }, staff.token);
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const field = result.errors![0].extensions.fields!.find((x) => x.path.join('.') === path);
    expect(field?.message).toMatch(message);
    expect(await platform.dataSource.getRepository(Project).count()).toBe(before);
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    const f = new Fixtures(platform);
    const admin = await f.admin();
    staff = await f.signUp('ojiya');
    regionId = await f.region(admin, '152081', [staff]);
  });

  afterAll(() => platform.close());

  it('accepts a valid project and fills in the region’s municipality', async () => {
    const data = expectData(await platform.gql(CREATE, { input: valid() }, staff.token));
    expect(data.createProject).toMatchObject({
      title: '棚田の援農',
      place: { municipality: { code: '152081' } },
      endDate: '2027-09-30',
    });
  });

  it.each([
    [{ capacity: 0 }, 'input.capacity', /at least 1/],
    [{ capacity: 5000 }, 'input.capacity', /at most 1000/],
    [{ title: 'x' }, 'input.title', /3 to 200/],
    [{ startDate: '2027-02-30' }, 'input.startDate', /date/],
    [{ startDate: '01/05/2027' }, 'input.startDate', /YYYY-MM-DD/],
    [{ endDate: '2027-04-30' }, 'input.endDate', /not be before startDate/],
    [{ themeCode: 'fishing' }, 'input.themeCode', /unknown theme fishing/],
    [{ municipalityCode: '999999' }, 'input.municipalityCode', /unknown municipality code 999999/],
    [
      { municipalityCode: '015431' },
      'input.municipalityCode',
      /region organisation's municipality/,
    ],
    [{ municipalityCode: '15208' }, 'input.municipalityCode', /6-digit/],
    [{ regionOrganizationId: 'not-an-id' }, 'input.regionOrganizationId', /valid id/],
  ])('rejects %j at %s', async (overrides, path, message) => {
    await expectFieldError(overrides, path, message);
  });

  it('reports every problem at once', async () => {
    const result = await platform.gql(
      CREATE,
      { input: { ...valid(), capacity: -1, title: '', mode: 'ONSITE' } },
      staff.token,
    );
    const paths = result.errors![0].extensions.fields!.map((x) => x.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['input.capacity', 'input.title']));
  });

  it('rejects a wrong enum or missing field at the GraphQL layer', async () => {
    const result = await platform.gql(
      CREATE,
      { input: { ...valid(), mode: 'TELEPORT' } },
      staff.token,
    );
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/TELEPORT/);
  });

  it('rejects malformed ids and cursors clearly', async () => {
    const byId = await platform.gql(`query { project(id: "42") { id } }`);
    expect(byId.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['id'] }],
    });
    const cursor = await platform.gql(`query { projects(after: "bm9wZQ==") { edges { cursor } } }`);
    expect(cursor.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['after'] }],
    });
    const size = await platform.gql(`query { projects(first: 500) { edges { cursor } } }`);
    expect(size.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['first'] }],
    });
  });
});
