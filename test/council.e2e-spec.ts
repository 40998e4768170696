import { CouncilMembershipService } from '@tsunagu/council';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const MEMBERSHIP = `id status appliedAt decidedAt decisionReason withdrawnAt introductionJa
  introductionEn website organization { id name kind }`;
const APPLY = `mutation($organizationId: ID!, $input: ApplyForCouncilMembershipInput!) {
  applyForCouncilMembership(organizationId: $organizationId, input: $input) { ${MEMBERSHIP} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $reason: String) {
  decideCouncilMembership(id: $id, approve: $approve, reason: $reason) { ${MEMBERSHIP} } }`;
const WITHDRAW = `mutation($organizationId: ID!) {
  withdrawCouncilMembership(organizationId: $organizationId) { ${MEMBERSHIP} } }`;
const QUEUE = `query($status: CouncilMembershipStatus, $first: Int) {
  councilMembershipApplications(status: $status, first: $first) {
    edges { node { ${MEMBERSHIP} } } pageInfo { hasNextPage } } }`;
const OWN = `query($organizationId: ID!) { councilMembership(organizationId: $organizationId) {
  ${MEMBERSHIP} } }`;
const INTRODUCTION = {
  introductionJa: '棚田の保全に都市の人と取り組む町です。ほかの地域と学び合いたいと考えています。',
  introductionEn: 'A town keeping its rice terraces with people from the cities.',
  website: 'https://www.town.bihoro.example.jp/',
};

describe('council membership: applications, decisions and who is a member', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let regionStaff: Person;
  let companyOwner: Person;
  let stranger: Person;
  let regionId: string;
  let companyId: string;
  let memberships: CouncilMembershipService;

  const gql = (query: string, variables: Record<string, unknown>, who?: Person) =>
    platform.gql(query, variables, who?.token);
  const data = async (query: string, variables: Record<string, unknown>, who?: Person) =>
    Object.values(expectData(await gql(query, variables, who)))[0] as any;
  const notices = (type: string, userId: string) =>
    platform.dataSource.query<Array<{ title: string; body: string }>>(
      `SELECT title, body FROM notification WHERE type = $1 AND recipient_id = $2`,
      [type, userId],
    );

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    admin = await f.admin();
    [regionStaff, companyOwner, stranger] = await Promise.all([
      f.signUp('council-region'),
      f.signUp('council-company', 'en'),
      f.signUp('council-stranger'),
    ]);
    regionId = await f.region(admin, '015431', [regionStaff]);
    companyId = await f.company(admin, companyOwner, 'Satoyama Works');
    memberships = platform.api.get(CouncilMembershipService);
    // A platform and a worker starting on a busy machine.
  }, 120_000);

  afterAll(() => platform.close());

  it('takes an application from the organisation’s own staff only, once, and tells the admins', async () => {
    const empty = rejection(
      await gql(APPLY, { organizationId: regionId, input: { introductionJa: '   ' } }, regionStaff),
    );
    expect(empty.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['input', 'introductionJa'] }],
    });
    const badSite = rejection(
      await gql(
        APPLY,
        { organizationId: regionId, input: { ...INTRODUCTION, website: 'javascript:alert(1)' } },
        regionStaff,
      ),
    );
    expect(badSite.extensions.fields?.[0].path).toEqual(['input', 'website']);
    for (const who of [stranger, companyOwner, admin]) {
      expect(
        rejection(await gql(APPLY, { organizationId: regionId, input: INTRODUCTION }, who))
          .extensions.code,
      ).toBe('FORBIDDEN');
    }
    expect(
      rejection(
        await gql(
          APPLY,
          { organizationId: '00000000-0000-4000-8000-000000000000', input: INTRODUCTION },
          regionStaff,
        ),
      ).extensions.code,
    ).toBe('NOT_FOUND');
    expect(await data(OWN, { organizationId: regionId }, regionStaff)).toBeNull();

    const applied = await data(
      APPLY,
      { organizationId: regionId, input: INTRODUCTION },
      regionStaff,
    );
    expect(applied).toMatchObject({
      status: 'PENDING',
      decidedAt: null,
      introductionJa: INTRODUCTION.introductionJa,
      website: INTRODUCTION.website,
      organization: { id: regionId, kind: 'REGION' },
    });
    const again = rejection(
      await gql(APPLY, { organizationId: regionId, input: INTRODUCTION }, regionStaff),
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED' });

    const told = await eventually(async () => {
      const rows = await notices('COUNCIL_MEMBERSHIP_APPLIED', admin.id);
      return rows.length === 1 && rows[0];
    });
    expect(told.title).toBe('Region 015431から協議会への入会申請がありました');
    expect(await notices('COUNCIL_MEMBERSHIP_APPLIED', regionStaff.id)).toEqual([]);
  });

  it('shows the queue to admins and an organisation its own status, to no one else', async () => {
    const queue = await data(QUEUE, { first: 100 }, admin);
    expect(queue.edges.map((e: any) => e.node.organization.id)).toContain(regionId);
    expect(queue.edges.every((e: any) => e.node.status === 'PENDING')).toBe(true);
    expect(rejection(await gql(QUEUE, {}, regionStaff)).extensions.code).toBe('FORBIDDEN');
    expect((await data(OWN, { organizationId: regionId }, regionStaff)).status).toBe('PENDING');
    expect((await data(OWN, { organizationId: regionId }, admin)).status).toBe('PENDING');
    // A nullable field: refused, it is null beside the error.
    const refused = await gql(OWN, { organizationId: regionId }, companyOwner);
    expect(refused.data).toEqual({ councilMembership: null });
    expect(refused.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('rejects only with a reason, which the organisation hears; it may apply again and be approved', async () => {
    const { id } = await data(OWN, { organizationId: regionId }, regionStaff);
    const noReason = rejection(await gql(DECIDE, { id, approve: false, reason: ' ' }, admin));
    expect(noReason.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['reason'] }],
    });
    expect((await data(OWN, { organizationId: regionId }, regionStaff)).status).toBe('PENDING');
    expect(rejection(await gql(DECIDE, { id, approve: true }, regionStaff)).extensions.code).toBe(
      'FORBIDDEN',
    );

    const reason = '活動の内容をもう少し詳しく書いてください。';
    const rejected = await data(DECIDE, { id, approve: false, reason }, admin);
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionReason: reason });
    expect(rejected.decidedAt).not.toBeNull();
    expect(rejection(await gql(DECIDE, { id, approve: true }, admin)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_DONE',
    });
    const told = await eventually(async () => {
      const rows = await notices('COUNCIL_MEMBERSHIP_DECIDED', regionStaff.id);
      return rows.length === 1 && rows[0];
    });
    expect(told.title).toBe('Region 015431のかかわりラボ入会は見送りとなりました');
    expect(told.body).toContain(`理由: ${reason}`);
    expect(await memberships.isApprovedMember(regionId)).toBe(false);

    const reapplied = await data(
      APPLY,
      {
        organizationId: regionId,
        input: { introductionJa: '棚田の町です。交流の取組を詳しく書きました。' },
      },
      regionStaff,
    );
    expect(reapplied).toMatchObject({
      id,
      status: 'PENDING',
      decisionReason: null,
      decidedAt: null,
      introductionEn: null,
    });
    const approved = await data(DECIDE, { id, approve: true }, admin);
    expect(approved).toMatchObject({ status: 'APPROVED', decisionReason: null });
    expect(await memberships.isApprovedMember(regionId)).toBe(true);
    await expect(memberships.assertApprovedMember(regionId)).resolves.toBeUndefined();
    const welcomed = await eventually(async () => {
      const rows = await notices('COUNCIL_MEMBERSHIP_DECIDED', regionStaff.id);
      return rows.length === 2 && rows.find((r) => r.title.includes('承認'));
    });
    expect(welcomed.body).not.toContain('理由');
    expect(
      rejection(await gql(APPLY, { organizationId: regionId, input: INTRODUCTION }, regionStaff))
        .extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });
  });

  it('says NOT_A_COUNCIL_MEMBER for an organisation that is not an approved member', async () => {
    await expect(memberships.assertApprovedMember(companyId)).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_A_COUNCIL_MEMBER',
    });
    expect(await memberships.isApprovedMember('not-a-uuid')).toBe(false);
  });

  it('keeps one application when two colleagues apply at the same time', async () => {
    const colleague = await f.signUp('council-colleague');
    await f.addMember(admin, companyId, colleague);
    const results = await Promise.all(
      [companyOwner, colleague, companyOwner, colleague].map((who) =>
        gql(APPLY, { organizationId: companyId, input: INTRODUCTION }, who),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions.reason)).toEqual([
      'ALREADY_APPLIED',
      'ALREADY_APPLIED',
      'ALREADY_APPLIED',
    ]);
    const events = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM council_memberships WHERE organization_id = $1`,
      [companyId],
    );
    expect(events[0].n).toBe(1);
    // The admins hear of it once (the region applied twice before).
    const told = await eventually(async () => {
      const rows = await notices('COUNCIL_MEMBERSHIP_APPLIED', admin.id);
      return rows.length === 3 && rows;
    });
    expect(told.filter((r) => r.title.startsWith('Satoyama Works'))).toHaveLength(1);
  });

  it('lets a member withdraw, after which it is no member and cannot be decided on', async () => {
    const left = await data(WITHDRAW, { organizationId: regionId }, regionStaff);
    expect(left.status).toBe('WITHDRAWN');
    expect(left.withdrawnAt).not.toBeNull();
    expect(await memberships.isApprovedMember(regionId)).toBe(false);
    expect(
      rejection(await gql(WITHDRAW, { organizationId: regionId }, regionStaff)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
    expect(
      rejection(await gql(WITHDRAW, { organizationId: regionId }, stranger)).extensions.code,
    ).toBe('FORBIDDEN');
    const pending = await data(OWN, { organizationId: companyId }, companyOwner);
    await data(WITHDRAW, { organizationId: companyId }, companyOwner);
    expect(
      rejection(await gql(DECIDE, { id: pending.id, approve: true }, admin)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
  });
});
