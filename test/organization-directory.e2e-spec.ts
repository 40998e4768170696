import { randomBytes } from 'node:crypto';
import { expectData, Fixtures, Person } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const ORGANIZATIONS = `query($query: String, $kind: OrganizationKind, $first: Int, $after: String) {
  organizations(query: $query, kind: $kind, first: $first, after: $after) {
    edges { node { id name kind municipality { code } } } pageInfo { hasNextPage endCursor } } }`;
const MEMBERS = `query($organizationId: ID!) {
  organizationMembers(organizationId: $organizationId) { userId displayName email role joinedAt } }`;

// The platform admins' directory of organisations and an organisation's member list.
describe('organisation directory', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let owner: Person;
  let staff: Person;
  let companyId: string;
  let regionId: string;
  // Names no other test uses, so searches see only this test's organisations.
  const tag = randomBytes(4).toString('hex');

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    [admin, owner, staff] = await Promise.all([f.admin(), f.signUp('owner'), f.signUp('staff')]);
    companyId = await f.company(admin, owner, `Acme 100%_${tag}`);
    await f.addMember(admin, companyId, staff);
    regionId = await f.organization(admin, {
      kind: 'REGION',
      name: `美幌町役場 ${tag}`,
      municipalityCode: '015431',
    });
    await f.organization(admin, { kind: 'INTERMEDIARY', name: `Hub ${tag} one` });
    await f.organization(admin, { kind: 'INTERMEDIARY', name: `hub ${tag} two` });
  });

  afterAll(() => platform.close());

  it('lists organisations by part of the name and by kind, newest first, in pages', async () => {
    const all = expectData(
      await platform.gql(ORGANIZATIONS, { query: tag, first: 4 }, admin.token),
    );
    expect(all.organizations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      `hub ${tag} two`,
      `Hub ${tag} one`,
      `美幌町役場 ${tag}`,
      `Acme 100%_${tag}`,
    ]);
    const region = all.organizations.edges[2].node;
    expect(region).toEqual({
      id: regionId,
      name: `美幌町役場 ${tag}`,
      kind: 'REGION',
      municipality: { code: '015431' },
    });

    const hubs = expectData(
      await platform.gql(
        ORGANIZATIONS,
        { query: `HUB ${tag}`, kind: 'INTERMEDIARY', first: 1 },
        admin.token,
      ),
    );
    expect(hubs.organizations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      `hub ${tag} two`,
    ]);
    expect(hubs.organizations.pageInfo.hasNextPage).toBe(true);
    const next = expectData(
      await platform.gql(
        ORGANIZATIONS,
        {
          query: `hub ${tag}`,
          kind: 'INTERMEDIARY',
          first: 1,
          after: hubs.organizations.pageInfo.endCursor,
        },
        admin.token,
      ),
    );
    expect(next.organizations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      `Hub ${tag} one`,
    ]);
    expect(next.organizations.pageInfo.hasNextPage).toBe(false);

    // LIKE's wildcards are taken literally: "100%_" matches only the name that has them.
    const literal = expectData(
      await platform.gql(ORGANIZATIONS, { query: `100%_${tag}` }, admin.token),
    );
    expect(literal.organizations.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      companyId,
    ]);
  });

  it('registers an organisation without a place when its municipality is sent as null', async () => {
    const created = expectData(
      await platform.gql(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { name municipality { code } } }`,
        { input: { kind: 'INTERMEDIARY', name: `Null place ${tag}`, municipalityCode: null } },
        admin.token,
      ),
    );
    expect(created.createOrganization).toEqual({ name: `Null place ${tag}`, municipality: null });
    const region = await platform.gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { kind: 'REGION', name: `Nowhere ${tag}`, municipalityCode: null } },
      admin.token,
    );
    expect(region.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['input', 'municipalityCode'] }],
    });
  });

  it('keeps the directory to platform admins', async () => {
    const refused = await platform.gql(ORGANIZATIONS, { query: tag }, owner.token);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('shows members, owners first, with e-mail addresses to the owners and platform admins only', async () => {
    for (const viewer of [admin, owner]) {
      const data = expectData(
        await platform.gql(MEMBERS, { organizationId: companyId }, viewer.token),
      );
      expect(
        data.organizationMembers.map((m: { userId: string; email: string; role: string }) => [
          m.userId,
          m.email,
          m.role,
        ]),
      ).toEqual([
        [owner.id, owner.email, 'OWNER'],
        [staff.id, staff.email, 'STAFF'],
      ]);
    }
    // Staff see colleagues by name and role, without e-mail addresses.
    const seen = expectData(
      await platform.gql(MEMBERS, { organizationId: companyId }, staff.token),
    );
    expect(seen.organizationMembers.map((m: { email: string | null }) => m.email)).toEqual([
      null,
      null,
    ]);
    const stranger = await f.signUp('stranger');
    const refused = await platform.gql(MEMBERS, { organizationId: companyId }, stranger.token);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const missing = await platform.gql(
      MEMBERS,
      { organizationId: '00000000-0000-4000-8000-000000000000' },
      admin.token,
    );
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
