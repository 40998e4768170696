import { CONTACT_LIMITS, CouncilDirectoryService } from '@tsunagu/council';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const PROFILE = `prefecture { code name } municipality { code name } themeCodes introductionJa
  introductionEn offerTags offerText seekTags seekText website`;
const APPLY = `mutation($organizationId: ID!, $input: ApplyForCouncilMembershipInput!) {
  applyForCouncilMembership(organizationId: $organizationId, input: $input) { id } }`;
const DECIDE = `mutation($id: ID!) { decideCouncilMembership(id: $id, approve: true) { status } }`;
const UPDATE = `mutation($organizationId: ID!, $input: CouncilProfileInput!) {
  updateCouncilProfile(organizationId: $organizationId, input: $input) { status ${PROFILE} } }`;
const MEMBERS = `query($filter: CouncilMemberFilter, $first: Int, $after: String) {
  councilMembers(filter: $filter, first: $first, after: $after) {
    edges { node { organization { id name kind } memberSince ${PROFILE} } }
    pageInfo { hasNextPage endCursor } } }`;
const MEMBER = `query($organizationId: ID!) { councilMember(organizationId: $organizationId) {
  organization { id } ${PROFILE} } }`;
const CONTACT = `mutation($input: ContactCouncilMemberInput!) {
  contactCouncilMember(input: $input) { id sentAt } }`;
const PARTNERS = `query($organizationId: ID!, $first: Int) {
  councilPartnerSuggestions(organizationId: $organizationId, first: $first) {
    score theyOffer youOffer member { organization { id name } }
    factors { factor weight value reason { ja en } } } }`;

describe('council directory: profiles, the public directory, contact and partners', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let townStaff: Person;
  let companyOwner: Person;
  let hubStaff: Person;
  let stranger: Person;
  let townId: string;
  let companyId: string;
  let hubId: string;

  const gql = (query: string, variables: Record<string, unknown>, who?: Person) =>
    platform.gql(query, variables, who?.token);
  const data = async (query: string, variables: Record<string, unknown>, who?: Person) =>
    Object.values(expectData(await gql(query, variables, who)))[0] as any;
  const ids = (connection: any) => connection.edges.map((e: any) => e.node.organization.id);
  const join = async (organizationId: string, who: Person, approve: boolean) => {
    const { id } = await data(
      APPLY,
      { organizationId, input: { introductionJa: '関係人口の取組を進めています。' } },
      who,
    );
    if (approve) await data(DECIDE, { id }, admin);
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    admin = await f.admin();
    [townStaff, companyOwner, hubStaff, stranger] = await Promise.all([
      f.signUp('directory-town'),
      f.signUp('directory-company', 'en'),
      f.signUp('directory-hub'),
      f.signUp('directory-stranger'),
    ]);
    townId = await f.region(admin, '015431', [townStaff]);
    companyId = await f.company(admin, companyOwner, 'Satoyama Works');
    hubId = await f.organization(admin, { kind: 'INTERMEDIARY', name: 'Hub' }, [hubStaff]);
    await join(townId, townStaff, true);
    await join(companyId, companyOwner, true);
    await join(hubId, hubStaff, false);
    // A platform and a worker starting on a busy machine.
  }, 120_000);

  afterAll(() => platform.close());

  it('lets the staff edit their profile, refusing unknown themes and places all at once', async () => {
    const bad = rejection(
      await gql(
        UPDATE,
        {
          organizationId: townId,
          input: {
            introductionJa: '棚田の町です。',
            municipalityCode: '999999',
            themeCodes: ['agriculture', 'no-such-theme'],
          },
        },
        townStaff,
      ),
    );
    expect(bad.extensions.fields?.map((p) => p.path)).toEqual([
      ['input', 'municipalityCode'],
      ['input', 'themeCodes', '1'],
    ]);
    const tags = rejection(
      await gql(
        UPDATE,
        { organizationId: townId, input: { introductionJa: 'x', offerTags: ['VENUES', 'VENUES'] } },
        townStaff,
      ),
    );
    expect(tags.extensions.code).toBe('BAD_USER_INPUT');
    for (const who of [stranger, companyOwner]) {
      expect(
        rejection(
          await gql(UPDATE, { organizationId: townId, input: { introductionJa: 'x' } }, who),
        ).extensions.code,
      ).toBe('FORBIDDEN');
    }

    const town = await data(
      UPDATE,
      {
        organizationId: townId,
        input: {
          introductionJa: '棚田と酪農の町です。',
          introductionEn: 'A town of rice terraces and dairy farms.',
          municipalityCode: '015431',
          themeCodes: ['agriculture', 'local'],
          offerTags: ['VENUES', 'LOCAL_RESOURCES'],
          offerText: '廃校を改修した拠点があります。',
          seekTags: ['PARTICIPANTS', 'FUNDING'],
          seekText: '週末に来てくれる社員の方々',
          website: 'https://bihoro.example.jp/',
        },
      },
      townStaff,
    );
    expect(town).toMatchObject({
      status: 'APPROVED',
      prefecture: { code: '01', name: '北海道' },
      municipality: { code: '015431' },
      offerTags: ['VENUES', 'LOCAL_RESOURCES'],
      seekTags: ['PARTICIPANTS', 'FUNDING'],
    });
    await data(
      UPDATE,
      {
        organizationId: companyId,
        input: {
          introductionJa: '社員の越境学習を進めるIT企業です。',
          municipalityCode: '131016',
          themeCodes: ['work', 'agriculture'],
          offerTags: ['PARTICIPANTS', 'DIGITAL'],
          seekTags: ['VENUES'],
        },
      },
      companyOwner,
    );
    // Applying counts: a pending organisation prepares its profile before it is listed.
    await data(
      UPDATE,
      {
        organizationId: hubId,
        input: { introductionJa: '北海道の中間支援です。', offerTags: ['PARTICIPANTS'] },
      },
      hubStaff,
    );
  });

  it('shows approved members to anyone, by kind, prefecture, theme, offer, need and words', async () => {
    const all = await data(MEMBERS, { first: 50 });
    expect(ids(all).sort()).toEqual([townId, companyId].sort());
    expect(ids(await data(MEMBERS, { filter: { kind: 'REGION' } }))).toEqual([townId]);
    expect(ids(await data(MEMBERS, { filter: { prefectureCode: '13' } }))).toEqual([companyId]);
    expect(ids(await data(MEMBERS, { filter: { themeCode: 'local' } }))).toEqual([townId]);
    expect(ids(await data(MEMBERS, { filter: { offers: 'PARTICIPANTS' } }))).toEqual([companyId]);
    expect(ids(await data(MEMBERS, { filter: { seeks: 'PARTICIPANTS' } }))).toEqual([townId]);
    expect(ids(await data(MEMBERS, { filter: { text: '廃校' } }))).toEqual([townId]);
    expect(ids(await data(MEMBERS, { filter: { text: 'satoyama' } }))).toEqual([companyId]);
    const page = await data(MEMBERS, { first: 1 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await data(MEMBERS, { first: 1, after: page.pageInfo.endCursor });
    expect([...ids(page), ...ids(next)].sort()).toEqual([townId, companyId].sort());

    expect((await data(MEMBER, { organizationId: townId })).offerText).toBe(
      '廃校を改修した拠点があります。',
    );
    expect(rejection(await gql(MEMBER, { organizationId: hubId })).extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('suggests partners both ways, explained, to members only', async () => {
    const [first] = await data(PARTNERS, { organizationId: townId, first: 5 }, townStaff);
    expect(first).toMatchObject({
      member: { organization: { id: companyId } },
      theyOffer: ['PARTICIPANTS'],
      youOffer: ['VENUES'],
    });
    const reasons = first.factors.map((x: any) => x.reason);
    expect(reasons).toContainEqual({
      ja: 'あなたが求める「参加する人材」を提供できます',
      en: 'They offer what you seek: participants',
    });
    expect(reasons).toContainEqual({
      ja: '相手が求める「拠点・場所」をあなたが提供できます',
      en: 'You offer what they seek: venues',
    });
    const back = await data(PARTNERS, { organizationId: companyId }, companyOwner);
    expect(back[0]).toMatchObject({ theyOffer: ['VENUES'], youOffer: ['PARTICIPANTS'] });
    expect(
      rejection(await gql(PARTNERS, { organizationId: hubId }, hubStaff)).extensions.reason,
    ).toBe('NOT_A_COUNCIL_MEMBER');
    expect(
      rejection(await gql(PARTNERS, { organizationId: townId }, companyOwner)).extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('carries a message between members without their addresses, recorded and limited', async () => {
    const input = { fromOrganizationId: companyId, toOrganizationId: townId, message: '' };
    const say = (message: string, who = companyOwner, over: Partial<typeof input> = {}) =>
      gql(CONTACT, { input: { ...input, message, ...over } }, who);

    expect(rejection(await say('x', stranger)).extensions.code).toBe('FORBIDDEN');
    expect(
      rejection(await say('x', hubStaff, { fromOrganizationId: hubId })).extensions.reason,
    ).toBe('NOT_A_COUNCIL_MEMBER');
    expect(
      rejection(await say('x', companyOwner, { toOrganizationId: hubId })).extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      rejection(await say('x', companyOwner, { toOrganizationId: companyId })).extensions.fields,
    ).toEqual([{ path: ['input', 'toOrganizationId'], message: 'is your own organisation' }]);
    expect(rejection(await say('   ')).extensions.code).toBe('BAD_USER_INPUT');

    const sent = await data(
      CONTACT,
      {
        input: { ...input, message: '社員研修の受け入れについてご相談させてください。' },
      },
      companyOwner,
    );
    expect(sent.id).toBeTruthy();
    const told = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT title, body FROM notification WHERE type = 'COUNCIL_CONTACT_RECEIVED'
          AND recipient_id = $1`,
        [townStaff.id],
      );
      return rows.length === 1 && rows[0];
    });
    expect(told.title).toBe('かかわりラボのSatoyama Worksからメッセージが届きました');
    expect(told.body).toContain('社員研修の受け入れについてご相談させてください。');
    expect(told.body).not.toContain(companyOwner.email);

    // Two more to the same member in the day, then no more.
    for (let i = 1; i < CONTACT_LIMITS.perPairPerDay; i++) {
      expect((await say(`追伸 ${i}`)).errors).toBeUndefined();
    }
    const limited = rejection(await say('もう一通'));
    expect(limited.extensions.code).toBe('TOO_MANY_REQUESTS');
    const [{ n }] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM council_contacts WHERE from_organization_id = $1`,
      [companyId],
    );
    expect(n).toBe(CONTACT_LIMITS.perPairPerDay);

    // The sender's messages are theirs in "download my data", and lose their words with the account.
    const baseUrl = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
    const mine = await fetch(`${baseUrl}/auth/my-data`, {
      headers: { authorization: `Bearer ${companyOwner.token}` },
    });
    const { sections } = (await mine.json()) as { sections: Record<string, any> };
    expect(sections.councilMessages).toHaveLength(CONTACT_LIMITS.perPairPerDay);
    expect(sections.councilMessages[0]).toMatchObject({
      from: 'Satoyama Works',
      message: '社員研修の受け入れについてご相談させてください。',
    });
    await platform.dataSource.transaction((m) =>
      platform.api.get(CouncilDirectoryService).eraseMessages(m, {
        key: 'test',
        type: 'ACCOUNT_DELETED',
        payload: { userId: companyOwner.id },
        occurredAt: new Date().toISOString(),
      } as any),
    );
    const words = await platform.dataSource.query(
      `SELECT DISTINCT message FROM council_contacts WHERE sender_id = $1`,
      [companyOwner.id],
    );
    expect(words).toEqual([{ message: '' }]);
  });
});
