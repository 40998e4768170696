import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const SET_TARGETS = `mutation($input: SetProgramKpiTargetsInput!) {
  setProgramKpiTargets(input: $input) { metric target updatedByName updatedAt } }`;
const SET_REVIEW = `mutation($input: SetProgramReviewInput!) {
  setProgramReview(input: $input) { fiscalYear plan execution evaluation improvement
    updatedByName updatedAt } }`;
const REPORT = `query($programId: ID!, $fiscalYear: Int) {
  programReport(programId: $programId, fiscalYear: $fiscalYear) {
    program { id name } fiscalYear from to
    kpis { metric target result previousResult achievementRate }
    targets { metric target updatedByName }
    totals { applications matches participants completedEngagements hoursContributed }
    previousTotals { applications matches participants }
    byTheme { key label matches }
    byPrefecture { key label matches }
    byParticipantKind { key label matches }
    review { plan execution evaluation improvement updatedByName } } }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const FY = 2025;

const jst = (day: string) => `${day}T10:00:00+09:00`;

describe('program KPI targets, PDCA notes and the program report through GraphQL', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let hub: Person;
  let colleague: Person;
  let regionStaff: Person;
  let outsider: Person;
  let admin: Person;
  let programId: string;
  let otherProgramId: string;

  const setTargets = (person: Person, targets: unknown[], extra: Record<string, unknown> = {}) =>
    platform.gql(
      SET_TARGETS,
      { input: { programId, fiscalYear: FY, targets, ...extra } },
      person.token,
    );
  const report = async (person: Person, fiscalYear = FY) =>
    expectData(await platform.gql(REPORT, { programId, fiscalYear }, person.token)).programReport;
  const fieldsOf = (result: Awaited<ReturnType<TestPlatform['gql']>>) => {
    const error = rejection(result);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    return error.extensions.fields!.map((x) => `${x.path.join('.')}: ${x.message}`);
  };
  const sql = (text: string, params: unknown[] = []) => platform.dataSource.query(text, params);

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub', 'niigata-hub-2'],
      project: false,
    });
    ({ admin, regionStaff, hubStaff: hub } = scene);
    colleague = scene.hubTeam[1];
    outsider = await f.signUp('hokkaido-hub');
    const otherHub = await f.intermediary(admin, { prefectureCodes: ['01'] }, [outsider]);
    const createProgram = async (person: Person, intermediaryOrganizationId: string) =>
      expectData(
        await platform.gql(
          `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
          { input: { intermediaryOrganizationId, name: '新潟つながり', description: '' } },
          person.token,
        ),
      ).createProgram.id as string;
    programId = await createProgram(hub, scene.intermediaryId);
    otherProgramId = await createProgram(outsider, otherHub);

    // One match in FY2025 and two (two people) in FY2024, in one project of the program.
    const projectId = await f.project(regionStaff, scene.regionId, { capacity: 10, programId });
    await f.publish(hub, projectId);
    const people = await Promise.all([
      f.participant('mai', 'PRO_BONO'),
      f.participant('ken', 'UNIVERSITY_STUDENT'),
      f.participant('yui', 'PRO_BONO'),
    ]);
    const days = [jst('2025-05-10'), jst('2025-03-10'), jst('2024-06-01')];
    for (const [i, person] of people.entries()) {
      const id = expectData(
        await platform.gql(
          APPLY,
          { input: { projectId, motivation: '週末に町の発信を手伝いたいです。' } },
          person.token,
        ),
      ).applyToProject.id as string;
      expectData(
        await platform.gql(
          TRANSITION,
          { input: { engagementId: id, action: 'ACCEPT' } },
          regionStaff.token,
        ),
      );
      await sql('UPDATE engagement SET created_at = $2 WHERE id = $1', [id, days[i]]);
      await sql(`UPDATE engagement_event SET created_at = $2 WHERE engagement_id = $1`, [
        id,
        days[i],
      ]);
    }
  });

  afterAll(() => platform.close());

  it('refuses bad targets with the field at fault and saves nothing', async () => {
    expect(
      fieldsOf(await setTargets(hub, [{ metric: 'MATCHES', target: 10 }], { fiscalYear: 2014 })),
    ).toEqual([
      expect.stringMatching(/^input\.fiscalYear: must be a fiscal year from 2015 to \d{4}$/),
    ]);
    expect(
      fieldsOf(await setTargets(hub, [{ metric: 'MATCHES', target: 10 }], { fiscalYear: 2200 })),
    ).toHaveLength(1);
    expect(
      fieldsOf(
        await setTargets(hub, [
          { metric: 'MATCHES', target: 0 },
          { metric: 'PARTICIPANTS', target: 2.5 },
          { metric: 'HOURS_CONTRIBUTED', target: -1 },
        ]),
      ),
    ).toEqual([
      'input.targets.0.target: must be a whole number from 1 to 1000000',
      'input.targets.1.target: must be a whole number from 1 to 1000000',
      'input.targets.2.target: must be a number above 0 and at most 1000000',
    ]);
    expect(
      fieldsOf(
        await setTargets(hub, [
          { metric: 'MATCHES', target: 3 },
          { metric: 'MATCHES', target: 4 },
        ]),
      ),
    ).toEqual(['input.targets.1.metric: is listed twice']);
    expect((await report(hub)).targets).toEqual([]);
  });

  it('keeps targets and notes to the program’s own intermediary and platform admins', async () => {
    const target = [{ metric: 'MATCHES', target: 3 }];
    for (const person of [outsider, regionStaff]) {
      const code = (r: Awaited<ReturnType<TestPlatform['gql']>>) => rejection(r).extensions.code;
      expect(code(await setTargets(person, target))).toBe('FORBIDDEN');
      expect(code(await platform.gql(REPORT, { programId, fiscalYear: FY }, person.token))).toBe(
        'FORBIDDEN',
      );
      expect(
        code(
          await platform.gql(
            SET_REVIEW,
            {
              input: {
                programId,
                fiscalYear: FY,
                plan: 'x',
                execution: '',
                evaluation: '',
                improvement: '',
              },
            },
            person.token,
          ),
        ),
      ).toBe('FORBIDDEN');
    }
    // Nor may the program's staff set another intermediary's.
    expect(
      rejection(
        await platform.gql(
          SET_TARGETS,
          { input: { programId: otherProgramId, fiscalYear: FY, targets: target } },
          hub.token,
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    expect((await report(admin)).targets).toEqual([]);
  });

  it('reports the year’s results against its targets, with the year before', async () => {
    expectData(
      await setTargets(hub, [
        { metric: 'MATCHES', target: 4 },
        { metric: 'PARTICIPANTS', target: 2 },
        { metric: 'HOURS_CONTRIBUTED', target: 12.5 },
      ]),
    );
    // A second save changes one, removes one and keeps the other.
    const saved = expectData(
      await setTargets(colleague, [
        { metric: 'MATCHES', target: 5 },
        { metric: 'HOURS_CONTRIBUTED', target: null },
      ]),
    ).setProgramKpiTargets;
    expect(saved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'MATCHES', target: 5, updatedByName: 'niigata-hub-2' }),
        expect.objectContaining({
          metric: 'PARTICIPANTS',
          target: 2,
          updatedByName: 'niigata-hub',
        }),
      ]),
    );
    expect(saved).toHaveLength(2);

    const r = await report(admin);
    expect(r).toMatchObject({ fiscalYear: FY, from: '2025-04-01', to: '2026-03-31' });
    const kpi = (metric: string) => r.kpis.find((k: { metric: string }) => k.metric === metric);
    expect(r.kpis.map((k: { metric: string }) => k.metric)).toEqual([
      'PROJECTS_PUBLISHED',
      'APPLICATIONS',
      'MATCHES',
      'PARTICIPANTS',
      'COMPLETED_ENGAGEMENTS',
      'HOURS_CONTRIBUTED',
    ]);
    expect(kpi('MATCHES')).toEqual({
      metric: 'MATCHES',
      target: 5,
      result: 1,
      previousResult: 2,
      achievementRate: 0.2,
    });
    expect(kpi('PARTICIPANTS')).toMatchObject({ target: 2, result: 1, achievementRate: 0.5 });
    expect(kpi('HOURS_CONTRIBUTED')).toMatchObject({ target: null, achievementRate: null });
    expect(r.totals).toMatchObject({ applications: 1, matches: 1, participants: 1 });
    expect(r.previousTotals).toMatchObject({ applications: 2, matches: 2, participants: 2 });
    expect(r.byPrefecture).toEqual([{ key: '15', label: '新潟県', matches: 1 }]);
    expect(r.byParticipantKind).toEqual([{ key: 'PRO_BONO', label: 'プロボノ', matches: 1 }]);
    expect(r.byTheme).toHaveLength(1);
    // The same figures as the KPI report of the same period and program.
    const kpis = expectData(
      await platform.gql(
        `query($filter: EngagementKpiFilterInput!) {
          engagementKpis(filter: $filter) { applications matches participants } }`,
        { filter: { from: '2025-04-01', to: '2026-03-31', programId } },
        hub.token,
      ),
    ).engagementKpis;
    expect(kpis).toEqual([{ applications: 1, matches: 1, participants: 1 }]);
  });

  it('keeps one row per target when two staff save it at once', async () => {
    const results = await Promise.all(
      [7, 8, 9, 10].map((n, i) =>
        setTargets(i % 2 ? hub : colleague, [{ metric: 'APPLICATIONS', target: n }], {
          fiscalYear: FY + 1,
        }),
      ),
    );
    results.forEach(expectData);
    const rows = await sql(
      `SELECT target FROM program_kpi_target WHERE program_id = $1 AND fiscal_year = $2`,
      [programId, FY + 1],
    );
    expect(rows).toHaveLength(1);
    expect([7, 8, 9, 10]).toContain(rows[0].target);
  });

  it('keeps PDCA notes per year with who wrote them last', async () => {
    const review = {
      programId,
      fiscalYear: FY,
      plan: '  関係人口の創出に向け、町と連携して受入れ体制を整える。 ',
      execution: '空き家の改修と発信のプロジェクトを公開した。',
      evaluation: 'マッチ数は目標に届かなかった。',
      improvement: '',
    };
    expect(
      fieldsOf(
        await platform.gql(
          SET_REVIEW,
          { input: { ...review, plan: 'あ'.repeat(4001) } },
          hub.token,
        ),
      ),
    ).toEqual([expect.stringMatching(/^input\.plan: /)]);
    const saved = expectData(
      await platform.gql(SET_REVIEW, { input: review }, hub.token),
    ).setProgramReview;
    expect(saved).toMatchObject({
      fiscalYear: FY,
      plan: '関係人口の創出に向け、町と連携して受入れ体制を整える。',
      updatedByName: 'niigata-hub',
    });
    expectData(
      await platform.gql(
        SET_REVIEW,
        { input: { ...review, improvement: '大学との連携を次年度に始める。' } },
        colleague.token,
      ),
    );
    expect((await report(hub)).review).toMatchObject({
      improvement: '大学との連携を次年度に始める。',
      updatedByName: 'niigata-hub-2',
    });
    expect((await report(hub, FY - 1)).review).toBeNull();
    const rows = await sql(`SELECT 1 FROM program_review WHERE program_id = $1`, [programId]);
    expect(rows).toHaveLength(1);
  });
});
