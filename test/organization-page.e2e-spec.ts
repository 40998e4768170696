import { expectData, Fixtures, Person } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const MEMBERS = `query($organizationId: ID!) {
  organizationMembers(organizationId: $organizationId) { userId displayName email role } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) {
  removeOrganizationMember(input: $input) { id } }`;
const PAGE = `query($id: ID!) {
  organization(id: $id) {
    id kind
    coveringIntermediaries { id name programs { id name description } }
    programs { id name }
  } }`;

// What an organisation's own page shows: its members (colleagues by name and role, e-mail
// addresses for owners), owners taking members off, and who covers a region with their programs.
describe('organisation page', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    admin = await f.admin();
  });

  afterAll(() => platform.close());

  const members = async (organizationId: string, viewer: Person) =>
    platform.gql(MEMBERS, { organizationId }, viewer.token);
  const remove = (organizationId: string, userId: string, actor: Person) =>
    platform.gql(REMOVE, { input: { organizationId, userId } }, actor.token);

  it('shows colleagues to every member, with e-mail addresses only for owners', async () => {
    const [owner, staff, outsider] = await Promise.all([
      f.signUp('owner'),
      f.signUp('staff'),
      f.signUp('outsider'),
    ]);
    const regionId = await f.region(admin, '015431', []);
    await f.addMember(admin, regionId, owner, 'OWNER');
    await f.addMember(admin, regionId, staff);

    const asStaff = expectData(await members(regionId, staff)).organizationMembers;
    expect(asStaff).toEqual([
      { userId: owner.id, displayName: 'owner', email: null, role: 'OWNER' },
      { userId: staff.id, displayName: 'staff', email: null, role: 'STAFF' },
    ]);
    for (const manager of [owner, admin]) {
      const seen = expectData(await members(regionId, manager)).organizationMembers;
      expect(seen.map((m: { email: string | null }) => m.email)).toEqual([
        owner.email,
        staff.email,
      ]);
    }
    expect((await members(regionId, outsider)).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets owners take members off, never the last owner', async () => {
    const [owner, staff, second] = await Promise.all([
      f.signUp('owner'),
      f.signUp('staff'),
      f.signUp('second'),
    ]);
    const orgId = await f.region(admin, '015431', []);
    await f.addMember(admin, orgId, owner, 'OWNER');
    await f.addMember(admin, orgId, staff);
    await f.addMember(admin, orgId, second);

    // Staff may not; an unknown member is not found and changes nothing.
    expect((await remove(orgId, second.id, staff)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await remove(orgId, admin.id, owner)).errors?.[0].extensions.code).toBe('NOT_FOUND');

    expectData(await remove(orgId, staff.id, owner));
    // Gone at once: the removed person no longer sees the organisation's members.
    expect((await members(orgId, staff)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const left = expectData(await members(orgId, owner)).organizationMembers;
    expect(left.map((m: { userId: string }) => m.userId)).toEqual([owner.id, second.id]);

    const last = await remove(orgId, owner.id, owner);
    expect(last.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LAST_OWNER',
      fields: [{ path: ['userId'] }],
    });
    expect(expectData(await members(orgId, owner)).organizationMembers).toHaveLength(2);
  });

  it('keeps an owner when two owners remove each other at once', async () => {
    const [one, two] = await Promise.all([f.signUp('one'), f.signUp('two')]);
    const orgId = await f.region(admin, '015431', []);
    await f.addMember(admin, orgId, one, 'OWNER');
    await f.addMember(admin, orgId, two, 'OWNER');

    // Whichever goes second finds its owner gone, whether or not it had been checked before the
    // first one committed.
    const results = await Promise.all([remove(orgId, two.id, one), remove(orgId, one.id, two)]);
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions.code : 'OK')).sort();
    expect(codes).toEqual(['FORBIDDEN', 'OK']);
    const left = expectData(await members(orgId, admin)).organizationMembers;
    expect(left).toHaveLength(1);
    expect(left[0].role).toBe('OWNER');
  });

  it('shows a region the intermediaries covering it with their programs, and an intermediary its own', async () => {
    const staff = await f.signUp('hub-staff');
    // 美幌町 (015431): covered by the whole of 北海道 and by the town itself; not by 一関市.
    const byPrefecture = await f.intermediary(admin, { prefectureCodes: ['01'] }, [staff]);
    const byTown = await f.intermediary(admin, { municipalityCodes: ['015431'] }, []);
    const elsewhere = await f.intermediary(admin, { municipalityCodes: ['032093'] }, []);
    const program = expectData(
      await platform.gql(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        {
          input: {
            intermediaryOrganizationId: byPrefecture,
            name: '北海道 関係人口プログラム',
            description: '道内の町と都市の人をつなぎます。',
          },
        },
        staff.token,
      ),
    ).createProgram.id;
    const regionId = await f.region(admin, '015431', []);

    // Public, as the organisation is: anyone (signed out here) may see who supervises a region.
    const region = expectData(await platform.gql(PAGE, { id: regionId })).organization;
    const covering = new Map(
      region.coveringIntermediaries.map((o: { id: string; programs: unknown[] }) => [
        o.id,
        o.programs,
      ]),
    );
    expect(covering.has(byPrefecture)).toBe(true);
    expect(covering.has(byTown)).toBe(true);
    expect(covering.has(elsewhere)).toBe(false);
    expect(covering.get(byPrefecture)).toEqual([
      {
        id: program,
        name: '北海道 関係人口プログラム',
        description: '道内の町と都市の人をつなぎます。',
      },
    ]);
    expect(covering.get(byTown)).toEqual([]);
    expect(region.programs).toEqual([]);

    const hub = expectData(await platform.gql(PAGE, { id: byPrefecture })).organization;
    expect(hub.coveringIntermediaries).toEqual([]);
    expect(hub.programs).toEqual([{ id: program, name: '北海道 関係人口プログラム' }]);
  });
});
