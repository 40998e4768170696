import { AuthorisationCheck } from '../apps/api/src/auth/authorisation-check';
import { expectData, Fixtures, Person } from './support/fixtures';
import { loadSchema, schemaOperations } from './support/schema-operations';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const APPLICATIONS = `query($projectId: ID!) { projectEngagements(projectId: $projectId) { edges { node { id } } } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { status } }`;

// Authorisation by membership and remit: each role tries what it must not do.
describe('authorisation by membership and remit', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let staffA: Person;
  let staffB: Person;
  let hokkaidoHub: Person;
  let iwateHub: Person;
  let participant: Person;
  let regionA: string;
  let regionB: string;
  let projectA: string;

  beforeAll(async () => {
    // A low depth limit so the depth test needs no artificial schema cycle.
    platform = await startTestPlatform({ env: { GRAPHQL_MAX_DEPTH: '4' } });
    f = new Fixtures(platform);
    // Region A (美幌町, 北海道) under an intermediary covering 北海道, with a draft project.
    const scene = await f.supervisedRegion({
      municipalityCode: '015431',
      regionStaff: ['bihoro'],
      hubStaff: ['hokkaido-hub'],
      participants: ['participant'],
      project: false,
    });
    ({ admin, regionStaff: staffA, regionId: regionA, hubStaff: hokkaidoHub } = scene);
    [participant] = scene.participants;
    [staffB, iwateHub] = await Promise.all([f.signUp('mukawa'), f.signUp('iwate-hub')]);
    regionB = await f.region(admin, '015865', [staffB]); // むかわ町, 北海道
    await f.intermediary(admin, { prefectureCodes: ['03'] }, [iwateHub]);
    projectA = await f.project(staffA, regionA);
  });

  afterAll(() => platform.close());

  it('started because every operation in the schema declares its authorisation', () => {
    const { checked, problems } = platform.api.get(AuthorisationCheck).review();
    expect(problems).toEqual([]);
    const schema = loadSchema();
    const operations = [
      ...schemaOperations(schema).map((o) => o.name),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
    ];
    const handlers = new Set(checked.map((c) => c.split('.')[1]));
    expect(operations.filter((name) => !handlers.has(name))).toEqual([]);
  });

  it('refuses a role the declaration leaves out before the resolver runs', async () => {
    const refused = await platform.gql(
      `{ supervisedEngagements { __typename } }`,
      {},
      staffA.token,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Only intermediary staff may use supervisedEngagements',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('hides a draft from the public and from other regions', async () => {
    const query = `query($id: ID!) { project(id: $id) { id status } }`;
    expect((await platform.gql(query, { id: projectA })).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await platform.gql(query, { id: projectA }, staffB.token)).errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      expectData(await platform.gql(query, { id: projectA }, staffA.token)).project.status,
    ).toBe('DRAFT');
    expect(
      expectData(await platform.gql(query, { id: projectA }, hokkaidoHub.token)).project.status,
    ).toBe('DRAFT');
    const listed = expectData(
      await platform.gql(`{ projects(first: 100) { edges { node { id } } } }`),
    );
    expect(listed.projects.edges.map((e: any) => e.node.id)).not.toContain(projectA);
  });

  it('lets only staff of the region create its projects', async () => {
    const input = {
      regionOrganizationId: regionA,
      title: '他地域のプロジェクト',
      description: '権限のない人が作ろうとしています。',
      themeCode: 'work',
      mode: 'REMOTE',
      startDate: '2027-01-01',
      capacity: 1,
    };
    const create = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
    for (const person of [staffB, hokkaidoHub, participant]) {
      expect(
        (await platform.gql(create, { input }, person.token)).errors?.[0].extensions.code,
      ).toBe('FORBIDDEN');
    }
  });

  it('does not let a participant or the region itself publish', async () => {
    for (const person of [participant, staffA]) {
      expect(
        (await platform.gql(PUBLISH, { id: projectA }, person.token)).errors?.[0].extensions.code,
      ).toBe('FORBIDDEN');
    }
  });

  it('does not let an intermediary publish outside its remit', async () => {
    const result = await platform.gql(PUBLISH, { id: projectA }, iwateHub.token);
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const still = expectData(
      await platform.gql(
        `query($id: ID!) { project(id: $id) { status } }`,
        { id: projectA },
        staffA.token,
      ),
    );
    expect(still.project.status).toBe('DRAFT');
  });

  it("keeps region A's applications from region B and from intermediaries elsewhere", async () => {
    const projectId = await f.publishedProject(hokkaidoHub, staffA, regionA, {
      title: '応募を受けるプロジェクト',
    });
    expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: 'ぜひ参加したいと思っています。' } },
        participant.token,
      ),
    );
    for (const outsider of [staffB, iwateHub, participant]) {
      const result = await platform.gql(APPLICATIONS, { projectId }, outsider.token);
      expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    for (const insider of [staffA, hokkaidoHub, admin]) {
      const result = expectData(await platform.gql(APPLICATIONS, { projectId }, insider.token));
      expect(result.projectEngagements.edges).toHaveLength(1);
    }
  });

  it('keeps organisation management to admins and owners', async () => {
    const createOrg = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    const input = { kind: 'REGION', name: '勝手な組織', municipalityCode: '015431' };
    for (const person of [staffA, hokkaidoHub, participant]) {
      expect(
        (await platform.gql(createOrg, { input }, person.token)).errors?.[0].extensions.code,
      ).toBe('FORBIDDEN');
    }
    const setRemit = `mutation($input: SetRemitInput!) { setRemit(input: $input) { id } }`;
    const remit = { organizationId: regionB, prefectureCodes: ['01'] };
    expect(
      (await platform.gql(setRemit, { input: remit }, staffB.token)).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    // STAFF cannot add members; the admin can.
    const add = `mutation($input: AddMemberInput!) { addOrganizationMember(input: $input) { role } }`;
    const newcomer = await f.signUp('newcomer');
    const addInput = { organizationId: regionA, email: newcomer.email, role: 'OWNER' };
    expect(
      (await platform.gql(add, { input: addInput }, staffA.token)).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      expectData(await platform.gql(add, { input: addInput }, admin.token)).addOrganizationMember
        .role,
    ).toBe('OWNER');
    expect(
      (await platform.gql(add, { input: addInput }, admin.token)).errors?.[0].extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
  });

  it('creates an intermediary whose place is given as null, and still needs one for a region', async () => {
    const createOrg = `mutation($input: CreateOrganizationInput!) {
      createOrganization(input: $input) { id kind } }`;
    const hub = { kind: 'INTERMEDIARY', name: '場所なしの中間支援', municipalityCode: null };
    expect(
      expectData(await platform.gql(createOrg, { input: hub }, admin.token)).createOrganization
        .kind,
    ).toBe('INTERMEDIARY');
    const region = { kind: 'REGION', name: '場所なしの地域', municipalityCode: null };
    expect(
      (await platform.gql(createOrg, { input: region }, admin.token)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows an intermediary its remit', async () => {
    const me = expectData(
      await platform.gql(
        `{ me { memberships { organization { id kind } } } }`,
        {},
        hokkaidoHub.token,
      ),
    );
    const orgId = me.me.memberships[0].organization.id;
    const org = expectData(
      await platform.gql(
        `query($id: ID!) { organization(id: $id) { kind remit { prefectures { code name } municipalities { code } } } }`,
        { id: orgId },
      ),
    );
    expect(org.organization).toEqual({
      kind: 'INTERMEDIARY',
      remit: { prefectures: [{ code: '01', name: '北海道' }], municipalities: [] },
    });
  });

  it('limits query depth', async () => {
    const fourDeep = `{ me { memberships { organization { municipality { code } } } } }`;
    expect(expectData(await platform.gql(fourDeep, {}, staffA.token)).me).toBeTruthy();
    const fiveDeep = `{ me { memberships { organization { remit { prefectures { code } } } } } }`;
    const result = await platform.gql(fiveDeep, {}, staffA.token);
    expect(result.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/exceeds maximum operation depth of 4/);
  });
});
