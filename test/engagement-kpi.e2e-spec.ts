import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const FIELDS = `key label projectsPublished applications offers matches acceptanceRate
  medianDaysToMatch activeEngagements hoursContributed completionRate continuation3 continuation6
  continuation12 staleCount`;
const KPIS = `query($filter: EngagementKpiFilterInput!, $groupBy: KpiGroupBy) {
  engagementKpis(filter: $filter, groupBy: $groupBy) { ${FIELDS} } }`;
const CSV = `query($filter: EngagementKpiFilterInput!, $groupBy: KpiGroupBy) {
  engagementKpisCsv(filter: $filter, groupBy: $groupBy) }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const TERMS = { startDate: '2025-04-10', hoursPerWeek: 4, goals: '町の発信を整える' };
const PERIOD = { from: '2025-04-01', to: '2025-06-30' };

// Times in Japan, as the report counts days there.
const jst = (day: string, time = '10:00') => `${day}T${time}:00+09:00`;

describe('engagement KPIs (reports) through GraphQL', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let regionStaff: Person;
  let hub: Person;
  let outsider: Person;
  let admin: Person;
  let mai: Person;
  let programId: string;
  let projectA: string;
  let projectB: string;
  let regionId: string;
  let hubId: string;
  let baseUrl: string;

  const kpis = async (person: Person, groupBy: string, filter: Record<string, unknown> = {}) =>
    expectData(
      await platform.gql(KPIS, { filter: { ...PERIOD, ...filter }, groupBy }, person.token),
    ).engagementKpis as any[];
  const transition = (person: Person, id: string, action: string, extra = {}) =>
    platform
      .gql(TRANSITION, { input: { engagementId: id, action, ...extra } }, person.token)
      .then(expectData);
  const apply = async (person: Person, projectId: string) =>
    expectData(
      await platform.gql(
        APPLY,
        { input: { projectId, motivation: '週末に町の発信を手伝いたいです。' } },
        person.token,
      ),
    ).applyToProject.id as string;
  const sql = (text: string, params: unknown[]) => platform.dataSource.query(text, params);
  // The application's creation and its (only) ACCEPT event at known times.
  const timeline = async (id: string, createdAt: string, acceptedAt?: string) => {
    await sql('UPDATE engagement SET created_at = $2 WHERE id = $1', [id, createdAt]);
    if (acceptedAt) {
      await sql(
        `UPDATE engagement_event SET created_at = $2 WHERE engagement_id = $1 AND action = 'ACCEPT'`,
        [id, acceptedAt],
      );
    }
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub'],
      project: false,
    });
    ({ admin, regionStaff, regionId, hubStaff: hub } = scene);
    hubId = scene.intermediaryId;
    baseUrl = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
    outsider = await f.signUp('hokkaido-hub');
    await f.intermediary(admin, { prefectureCodes: ['01'] }, [outsider]);
    programId = expectData(
      await platform.gql(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        { input: { intermediaryOrganizationId: hubId, name: '新潟つながり', description: '' } },
        hub.token,
      ),
    ).createProgram.id;
    projectA = await f.project(regionStaff, regionId, { capacity: 10, programId });
    projectB = await f.project(regionStaff, regionId, {
      capacity: 10,
      programId,
      themeCode: 'agriculture',
      title: '棚田の保全',
    });
    await f.publish(hub, projectA);
    await f.publish(hub, projectB);
    await sql('UPDATE project SET published_at = $2 WHERE id = ANY($1)', [
      [projectA, projectB],
      jst('2025-04-01'),
    ]);

    // Five applications: mai completes (6.5 approved hours, 3-month follow-up recorded), ken is
    // ACTIVE and flagged stale, yui is ACCEPTED, rin waits, sho was declined.
    mai = await f.participant('mai', 'PRO_BONO');
    const ken = await f.participant('ken', 'UNIVERSITY_STUDENT');
    const yui = await f.participant('yui', 'PRO_BONO');
    const rin = await f.participant('rin', 'UNIVERSITY_STUDENT');
    const sho = await f.participant('sho', 'PRO_BONO');
    const maiApp = await apply(mai, projectA);
    const kenApp = await apply(ken, projectA);
    const yuiApp = await apply(yui, projectB);
    const rinApp = await apply(rin, projectB);
    const shoApp = await apply(sho, projectA);
    for (const id of [maiApp, kenApp, yuiApp]) await transition(regionStaff, id, 'ACCEPT');
    await transition(regionStaff, shoApp, 'DECLINE', { reason: '定員に達しました' });
    for (const id of [maiApp, kenApp]) {
      await transition(hub, id, 'APPROVE', { terms: TERMS });
      await transition(hub, id, 'START');
    }
    const checkIn = expectData(
      await platform.gql(
        `mutation($input: AddCheckInInput!) { addCheckIn(input: $input) { id } }`,
        { input: { engagementId: maiApp, summary: '空き家の写真を整理', hours: 6.5 } },
        mai.token,
      ),
    ).addCheckIn.id;
    expectData(
      await platform.gql(
        `mutation($id: ID!) { approveCheckInHours(checkInId: $id) { id } }`,
        { id: checkIn },
        regionStaff.token,
      ),
    );
    await transition(hub, maiApp, 'COMPLETE');
    // One offer, from the intermediary to another PRO_BONO participant.
    const aoi = await f.participant('aoi', 'PRO_BONO');
    expectData(
      await platform.gql(
        `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
        { input: { projectId: projectA, participantId: aoi.id, message: 'ぜひ一緒に' } },
        hub.token,
      ),
    );

    // Known days: matches after 2, 5 and 10 days (median 5).
    await timeline(maiApp, jst('2025-04-02'), jst('2025-04-04'));
    await timeline(kenApp, jst('2025-04-03'), jst('2025-04-08'));
    await timeline(yuiApp, jst('2025-05-01'), jst('2025-05-11'));
    await timeline(rinApp, jst('2025-05-02'));
    await timeline(shoApp, jst('2025-04-12'));
    await sql('UPDATE scout_offer SET created_at = $1', [jst('2025-04-20')]);
    await sql('UPDATE engagement_check_in SET approved_at = $2 WHERE id = $1', [
      checkIn,
      jst('2025-05-20'),
    ]);
    await sql(
      `UPDATE engagement_event SET created_at = $2 WHERE engagement_id = $1 AND action = 'COMPLETE'`,
      [maiApp, jst('2025-06-01')],
    );
    await sql(
      `UPDATE follow_up SET due_at = $2, recorded_at = $3, outcomes = '{REVISITED}'
        WHERE engagement_id = $1 AND due_months = 3`,
      [maiApp, jst('2025-06-20'), jst('2025-06-21')],
    );
    await sql(
      `INSERT INTO engagement_alert (engagement_id, kind, since) VALUES ($1, 'STALE', $2)`,
      [kenApp, jst('2025-05-01')],
    );
  });

  afterAll(() => platform.close());

  const OVERALL = {
    key: 'ALL',
    label: '全体',
    projectsPublished: 2,
    applications: 5,
    offers: 1,
    matches: 3,
    acceptanceRate: 0.6,
    medianDaysToMatch: 5,
    activeEngagements: 1,
    hoursContributed: 6.5,
    // mai is the only approved engagement that ended in the period, and she completed.
    completionRate: 1,
    continuation3: 1,
    // The 6- and 12-month follow-ups are not due yet.
    continuation6: null,
    continuation12: null,
    staleCount: 1,
  };

  it('computes every figure of the period for the intermediary, the region and admins', async () => {
    expect(await kpis(hub, 'NONE')).toEqual([OVERALL]);
    expect(await kpis(regionStaff, 'NONE')).toEqual([OVERALL]);
    expect(await kpis(admin, 'NONE', { programId, regionOrganizationId: regionId })).toEqual([
      OVERALL,
    ]);
    // A period before anything happened reads as zeros.
    expect(await kpis(hub, 'NONE', { from: '2025-01-01', to: '2025-03-31' })).toEqual([
      {
        ...OVERALL,
        projectsPublished: 0,
        applications: 0,
        offers: 0,
        matches: 0,
        acceptanceRate: null,
        medianDaysToMatch: null,
        hoursContributed: 0,
        completionRate: null,
        continuation3: null,
      },
    ]);
  });

  it('groups by theme, participant kind, program and month', async () => {
    expect(await kpis(hub, 'THEME')).toEqual([
      {
        key: 'agriculture',
        label: '農業・農村',
        projectsPublished: 1,
        applications: 2,
        offers: 0,
        matches: 1,
        acceptanceRate: 0.5,
        medianDaysToMatch: 10,
        activeEngagements: 0,
        hoursContributed: 0,
        completionRate: null,
        continuation3: null,
        continuation6: null,
        continuation12: null,
        staleCount: 0,
      },
      {
        key: 'work',
        label: 'しごと',
        projectsPublished: 1,
        applications: 3,
        offers: 1,
        matches: 2,
        acceptanceRate: 2 / 3,
        medianDaysToMatch: 3.5,
        activeEngagements: 1,
        hoursContributed: 6.5,
        completionRate: 1,
        continuation3: 1,
        continuation6: null,
        continuation12: null,
        staleCount: 1,
      },
    ]);
    expect(await kpis(hub, 'PARTICIPANT_KIND')).toEqual([
      {
        key: 'PRO_BONO',
        label: 'プロボノ',
        projectsPublished: null,
        applications: 3,
        offers: 1,
        matches: 2,
        acceptanceRate: 2 / 3,
        medianDaysToMatch: 6,
        activeEngagements: 0,
        hoursContributed: 6.5,
        completionRate: 1,
        continuation3: 1,
        continuation6: null,
        continuation12: null,
        staleCount: 0,
      },
      {
        key: 'UNIVERSITY_STUDENT',
        label: '大学生',
        projectsPublished: null,
        applications: 2,
        offers: 0,
        matches: 1,
        acceptanceRate: 0.5,
        medianDaysToMatch: 5,
        activeEngagements: 1,
        hoursContributed: 0,
        completionRate: null,
        continuation3: null,
        continuation6: null,
        continuation12: null,
        staleCount: 1,
      },
    ]);
    expect(await kpis(hub, 'PROGRAM')).toEqual([
      { ...OVERALL, key: programId, label: '新潟つながり' },
    ]);
    const months = await kpis(hub, 'MONTH');
    expect(
      months.map((m) => [m.key, m.applications, m.matches, m.hoursContributed, m.completionRate]),
    ).toEqual([
      ['2025-04', 3, 2, 0, null],
      ['2025-05', 2, 1, 6.5, null],
      ['2025-06', 0, 0, 0, 1],
    ]);
    expect(months.every((m) => m.activeEngagements === null && m.staleCount === null)).toBe(true);
    expect(
      await kpis(hub, 'NONE', { participantKind: 'UNIVERSITY_STUDENT', themeCode: 'work' }),
    ).toEqual([
      {
        ...OVERALL,
        projectsPublished: 1,
        applications: 1,
        offers: 0,
        matches: 1,
        acceptanceRate: 1,
        medianDaysToMatch: 5,
        hoursContributed: 0,
        completionRate: null,
        continuation3: null,
      },
    ]);
  });

  it('groups by prefecture, named in Japanese, for the map', async () => {
    const [{ prefecture_code: code }] = await sql(
      'SELECT prefecture_code FROM project WHERE id = $1',
      [projectA],
    );
    const [all] = await kpis(hub, 'NONE');
    const rows = await kpis(hub, 'PREFECTURE');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      key: code,
      label: code === '15' ? '新潟県' : expect.any(String),
      applications: all.applications,
      hoursContributed: all.hoursContributed,
    });
  });

  it('answers the groupings a screen asks together (one statement per filter) as each alone', async () => {
    const groupings = [
      'NONE',
      'PROGRAM',
      'REGION',
      'THEME',
      'PARTICIPANT_KIND',
      'MONTH',
      'PREFECTURE',
    ];
    const aliases = groupings.map(
      (g) => `${g.toLowerCase()}: engagementKpis(filter: $filter, groupBy: ${g}) { ${FIELDS} }`,
    );
    // A second filter in the same request: its own statement, its own figures.
    const query = `query($filter: EngagementKpiFilterInput!, $other: EngagementKpiFilterInput!) {
      ${aliases.join('\n')}
      other: engagementKpis(filter: $other, groupBy: THEME) { ${FIELDS} } }`;
    const query_ = jest.spyOn(platform.dataSource, 'query');
    const together = expectData(
      await platform.gql(query, { filter: PERIOD, other: { ...PERIOD, programId } }, hub.token),
    );
    const statements = query_.mock.calls.filter(([text]) => /GROUPING SETS/.test(String(text)));
    query_.mockRestore();
    expect(statements).toHaveLength(2);
    for (const g of groupings) expect(together[g.toLowerCase()]).toEqual(await kpis(hub, g));
    expect(together.other).toEqual(await kpis(hub, 'THEME', { programId }));
    expect(together.month.length).toBeGreaterThan(0);
  });

  it('keeps figures within the remit: another intermediary sees zeros, participants nothing', async () => {
    const [theirs] = await kpis(outsider, 'NONE');
    expect(theirs).toMatchObject({ projectsPublished: 0, applications: 0, matches: 0 });
    expect(await kpis(outsider, 'THEME')).toEqual([]);
    expect(rejection(await platform.gql(KPIS, { filter: PERIOD }, mai.token)).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(rejection(await platform.gql(CSV, { filter: PERIOD }, mai.token)).extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('rejects a bad filter with field errors', async () => {
    const bad = async (filter: Record<string, unknown>, groupBy = 'NONE') =>
      rejection(await platform.gql(KPIS, { filter, groupBy }, hub.token));
    const backwards = await bad({ from: '2025-06-30', to: '2025-04-01' });
    expect(backwards.extensions.code).toBe('BAD_USER_INPUT');
    expect(backwards.extensions.fields).toEqual([
      { path: ['filter', 'to'], message: 'must not be before from' },
    ]);
    expect((await bad({ from: '2020-01-01', to: '2025-01-01' })).extensions.fields).toEqual([
      { path: ['filter', 'to'], message: 'must be less than 5 years after from' },
    ]);
    const notADate = await bad({ from: '2025-02-30', to: '2025-04-01' });
    expect(notADate.extensions.fields?.map((p) => p.path)).toContainEqual(['filter', 'from']);
    expect((await bad(PERIOD, 'WEEK')).extensions.code).toBe('BAD_USER_INPUT');
    expect((await bad({ ...PERIOD, participantKind: 'ALIEN' })).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('exports CSV for Excel: BOM, CRLF, Japanese headers, the same figures', async () => {
    const csv: string = expectData(
      await platform.gql(CSV, { filter: PERIOD, groupBy: 'THEME' }, hub.token),
    ).engagementKpisCsv;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0].split(',')).toEqual([
      '区分キー (key)',
      '区分 (label)',
      '公開プロジェクト数 (projectsPublished)',
      '応募数 (applications)',
      'スカウト数 (offers)',
      'マッチ数 (matches)',
      'マッチ率 (acceptanceRate)',
      'マッチまでの日数・中央値 (medianDaysToMatch)',
      '活動中 (activeEngagements)',
      '活動時間 (hoursContributed)',
      '完了率 (completionRate)',
      '3か月継続率 (continuation3)',
      '6か月継続率 (continuation6)',
      '12か月継続率 (continuation12)',
      '停滞 (staleCount)',
    ]);
    // Round trip: every cell reads back as the figure the query gives.
    const rows = await kpis(hub, 'THEME');
    const fields = FIELDS.split(/\s+/).filter(Boolean);
    lines.slice(1, 3).forEach((line, i) => {
      const cells = line.split(',');
      fields.forEach((field, j) => {
        const value = rows[i][field];
        expect([field, cells[j]]).toEqual([field, value === null ? '' : String(value)]);
      });
    });
    expect(lines[2].startsWith('work,しごと,1,3,1,2,')).toBe(true);
  });

  // A refusal's body over HTTP, as GraphQL carries it.
  type Refusal = {
    errors: Array<{ extensions: { code: string; fields?: Array<{ path: string[] }> } }>;
  };
  const refusal = async (response: Response) => ((await response.json()) as Refusal).errors[0];

  // GET /reports/engagement-kpis.csv with the filter as query parameters.
  const download = (query: Record<string, string>, token?: string) =>
    fetch(`${baseUrl}/reports/engagement-kpis.csv?${new URLSearchParams(query).toString()}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('downloads the same CSV as a file over HTTP, to the same people', async () => {
    const query = { ...PERIOD, groupBy: 'THEME', programId };
    expect((await download(query)).status).toBe(401);
    expect((await download(query, 'not-a-token')).status).toBe(401);
    const participant = await download(query, mai.token);
    expect(participant.status).toBe(403);
    expect((await refusal(participant)).extensions.code).toBe('FORBIDDEN');

    const response = await download(query, hub.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="tsunagu-kpi-2025-04-01_2025-06-30-theme.csv"',
    );
    const file = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const csv: string = expectData(
      await platform.gql(CSV, { filter: { ...PERIOD, programId }, groupBy: 'THEME' }, hub.token),
    ).engagementKpisCsv;
    expect(file).toBe(csv);
    expect(file.split('\r\n')).toHaveLength(4);

    // Another intermediary asking for this one's programs gets only its own remit: nothing.
    const theirs = await download({ ...PERIOD, intermediaryOrganizationId: hubId }, outsider.token);
    expect(theirs.status).toBe(200);
    const [, zeros] = (await theirs.text()).split('\r\n');
    expect(zeros).toBe('ALL,全体,0,0,0,0,,,0,0,,,,,0');
  });

  it('refuses a bad download filter with field errors and the status of the code', async () => {
    const bad = await download({ from: '2025-06-30', to: '2025-04-01', programId: 'x' }, hub.token);
    expect(bad.status).toBe(400);
    const error = await refusal(bad);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual(
      expect.arrayContaining([
        { path: ['filter', 'to'], message: 'must not be before from' },
        { path: ['filter', 'programId'], message: 'must be an id' },
      ]),
    );
    expect((await download({ ...PERIOD, groupBy: 'WEEK' }, hub.token)).status).toBe(400);
    expect((await download({ to: PERIOD.to }, hub.token)).status).toBe(400);
  });
});
