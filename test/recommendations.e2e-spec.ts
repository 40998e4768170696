import { QueueService } from '@tsunagu/core';
import { RecommendationStore } from '@tsunagu/scoring';
import { ScoringSubjectKind } from '@tsunagu/scoring';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const RECOMMENDED = `query($first: Int!) { recommendedProjects(first: $first) {
  edges { node { rank score weightsVersion project { id title }
    factors { factor weight value reason { ja en } } } } } }`;
const CANDIDATES = `query($projectId: ID!) { recommendedCandidates(projectId: $projectId, first: 10) {
  edges { node { rank score participant { userId displayName } factors { factor } } } } }`;
const SET_WEIGHTS = `mutation($input: SetProgramWeightsInput!) { setProgramWeights(input: $input) {
  programId version weights { skills theme fairness } } }`;

const WEIGHTS = {
  skills: 0.5,
  theme: 0.2,
  availability: 0.1,
  distance: 0.1,
  goal: 0.05,
  tie: 0.05,
  fairness: 0,
};

describe('recommendations kept fresh by the worker', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let regionStaff: Person;
  let interStaff: Person;
  let intermediaryId: string;
  let regionId: string;
  let webDesign: string;
  let farming: string;
  let webProject: string;
  let farmProject: string;

  const recommended = async (person: Person) =>
    expectData(
      await platform.gql(RECOMMENDED, { first: 20 }, person.token),
    ).recommendedProjects.edges.map((e: any) => e.node);

  // Every change has been scored: no job waiting, no outbox row pending, every revision stored.
  const settled = async () => {
    const counts = await platform.api
      .get(QueueService)
      .queue('scoring')
      .getJobCounts('waiting', 'delayed', 'active', 'waiting-children');
    const [{ pending }] = await platform.dataSource.query(
      `SELECT (SELECT count(*) FROM outbox_message WHERE dispatched_at IS NULL)
            + (SELECT count(*) FROM scoring_subject WHERE scored_revision < revision) AS pending`,
    );
    return Object.values(counts).every((n) => n === 0) && Number(pending) === 0;
  };

  const profile = (overrides: Record<string, unknown>) => ({
    kind: 'PRO_BONO',
    homeMunicipalityCode: '131130',
    travelRangeKm: 500,
    themeCodes: ['work'],
    goals: ['SIDE_JOB_TRIAL'],
    ...overrides,
  });

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true, env: { SCORING_DEBOUNCE_MS: '400' } });
    f = new Fixtures(platform);
    // 小千谷市, 新潟県, and an intermediary covering 新潟県.
    ({
      admin,
      regionStaff,
      regionId,
      hubStaff: interStaff,
      intermediaryId,
    } = await f.supervisedRegion({
      regionStaff: ['region'],
      hubStaff: ['intermediary'],
      project: false,
    }));
    webDesign = await f.skill('Web design');
    farming = await f.skill('Farming');
    webProject = await f.project(regionStaff, regionId, {
      title: '観光サイトのリニューアル',
      themeCode: 'work',
      hoursPerWeek: 8,
      requiredSkills: [{ skillId: webDesign, requirement: 'MUST', minLevel: 3, weight: 5 }],
    });
    farmProject = await f.project(regionStaff, regionId, {
      title: '棚田の稲刈り',
      themeCode: 'agriculture',
      mode: 'ONSITE',
      requiredSkills: [{ skillId: farming, requirement: 'MUST', minLevel: 2, weight: 4 }],
    });
    await f.publish(interStaff, webProject);
    await f.publish(interStaff, farmProject);
  });

  afterAll(() => platform.close());

  it('recommends matching projects with explained factors, and follows profile edits', async () => {
    const alice = await f.signUp('alice');
    expectData(await f.saveProfile(alice, profile({ skills: [{ skillId: webDesign, level: 4 }] })));
    const first = await eventually(async () => {
      const list = await recommended(alice);
      expect(list.map((r: any) => r.project.id)).toEqual([webProject]);
      return list[0];
    });
    expect(first).toMatchObject({ rank: 1, weightsVersion: 'default-1' });
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);
    const skills = first.factors.find((x: any) => x.factor === 'skills');
    expect(skills).toMatchObject({
      weight: 0.35,
      value: 1,
      reason: { ja: '必須スキル 1/1 を満たす' },
    });
    expect(first.factors).toHaveLength(7);

    // Now a farmer: the must-have skill filter swaps the two projects.
    expectData(
      await f.saveProfile(
        alice,
        profile({ themeCodes: ['agriculture'], skills: [{ skillId: farming, level: 3 }] }),
      ),
    );
    await eventually(async () => {
      expect((await recommended(alice)).map((r: any) => r.project.id)).toEqual([farmProject]);
      return true;
    });
  });

  it('scores ten quick edits once (debounced), ending at the latest profile', async () => {
    const bob = await f.signUp('bob');
    expectData(await f.saveProfile(bob, profile({ skills: [{ skillId: webDesign, level: 5 }] })));
    await eventually(async () => (await recommended(bob)).length === 1);
    await eventually(settled);
    const queue = platform.api.get(QueueService).queue('scoring');
    const jobsForBob = async () =>
      (await queue.getCompleted()).filter(
        (j) => j.name === 'score.participant' && j.data.participantId === bob.id,
      ).length;
    const before = await jobsForBob();

    // Paused, so however slowly the edits arrive (a busy machine) the first job cannot start
    // before the last edit: a newer job replaces a delayed one, and one that is due just waits.
    await queue.pause();
    for (let hours = 1; hours <= 10; hours++) {
      expectData(
        await f.saveProfile(
          bob,
          profile({
            skills: [{ skillId: webDesign, level: 5 }],
            availability: { weeklyHours: hours },
          }),
        ),
      );
    }
    await eventually(async () => {
      const [{ n }] = await platform.dataSource.query(
        'SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL',
      );
      return n === 0;
    });
    await queue.resume();
    await eventually(settled);
    expect((await jobsForBob()) - before).toBe(1);
    const [top] = await recommended(bob);
    const availability = top.factors.find((x: any) => x.factor === 'availability');
    expect(availability.reason.en).toBe('10 h/week available of 8 needed');
  });

  it('never stores a list computed from older data over newer', async () => {
    const carol = await f.signUp('carol');
    expectData(await f.saveProfile(carol, profile({ skills: [{ skillId: webDesign, level: 4 }] })));
    await eventually(async () => (await recommended(carol)).length === 1);
    await eventually(settled);
    const store = platform.worker!.get(RecommendationStore);
    const [stored] = await platform.dataSource.query(
      `SELECT scored_revision AS revision, scored_read_at::text AS "readAt"
       FROM scoring_subject WHERE kind = 'PARTICIPANT' AND subject_id = $1`,
      [carol.id],
    );
    const write = (revision: string, readAt: string) =>
      platform.dataSource.transaction((m) =>
        store.replace(m, ScoringSubjectKind.PARTICIPANT, [
          { subjectId: carol.id, revision, readAt, matches: [] },
        ]),
      );
    const later = (
      await store.readings(platform.dataSource.manager, ScoringSubjectKind.PARTICIPANT, [carol.id])
    ).get(carol.id)!.readAt;
    // An older revision loses, even read later.
    expect(await write(String(BigInt(stored.revision) - 1n), later)).toEqual([]);
    // The same revision read earlier (a slow job that started before the stored one) loses too.
    expect(await write(stored.revision, '2000-01-01 00:00:00+00')).toEqual([]);
    expect(await recommended(carol)).toHaveLength(1);
    // The same revision read later wins (the other side changed meanwhile, or a retried job).
    expect(await write(stored.revision, later)).toEqual([carol.id]);
    expect(await recommended(carol)).toHaveLength(0);
  });

  it('shows candidates to supervisors only, within profile visibility', async () => {
    const dora = await f.signUp('dora');
    const hidden = await f.signUp('hidden');
    expectData(
      await f.saveProfile(
        dora,
        profile({ themeCodes: ['agriculture'], skills: [{ skillId: farming, level: 5 }] }),
      ),
    );
    expectData(
      await f.saveProfile(
        hidden,
        profile({
          themeCodes: ['agriculture'],
          skills: [{ skillId: farming, level: 5 }],
          visibility: 'NOBODY',
        }),
      ),
    );
    const names = async (viewer: Person) =>
      expectData(
        await platform.gql(CANDIDATES, { projectId: farmProject }, viewer.token),
      ).recommendedCandidates.edges.map((e: any) => e.node.participant.displayName);

    await eventually(async () => (await names(interStaff)).includes('dora'));
    // Hidden's lists are computed too; she is left out of what others see, not unscored.
    await eventually(settled);
    const [{ n }] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM project_candidate_list WHERE project_id = $1 AND $2 = ANY(participant_ids)',
      [farmProject, hidden.id],
    );
    expect(n).toBe(1);
    expect(await names(interStaff)).not.toContain('hidden');
    // Dora opened her profile to intermediaries only: the region does not see her yet.
    expect(await names(regionStaff)).not.toContain('dora');
    expectData(
      await f.saveProfile(
        dora,
        profile({
          themeCodes: ['agriculture'],
          skills: [{ skillId: farming, level: 5 }],
          visibility: 'INTERMEDIARIES_AND_REGIONS',
        }),
      ),
    );
    await eventually(async () => (await names(regionStaff)).includes('dora'));

    const otherStaff = await f.signUp('other-region');
    await f.region(admin, '015431', [otherStaff]);
    expect(
      rejection(await platform.gql(CANDIDATES, { projectId: farmProject }, otherStaff.token))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await platform.gql(CANDIDATES, { projectId: farmProject }, dora.token)).extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('validates and versions program weights, and re-scores with them', async () => {
    const programId = expectData(
      await platform.gql(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        { input: { intermediaryOrganizationId: intermediaryId, name: 'Side jobs in Niigata' } },
        interStaff.token,
      ),
    ).createProgram.id as string;

    const bad = rejection(
      await platform.gql(
        SET_WEIGHTS,
        { input: { programId, weights: { ...WEIGHTS, skills: 2 } } },
        interStaff.token,
      ),
    );
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions?.fields).toEqual([
      { path: ['input', 'weights', 'skills'], message: 'must be between 0 and 1' },
    ]);
    const zeros = Object.fromEntries(Object.keys(WEIGHTS).map((k) => [k, 0]));
    expect(
      rejection(
        await platform.gql(SET_WEIGHTS, { input: { programId, weights: zeros } }, interStaff.token),
      ).message,
    ).toContain('at least one weight must be above 0');
    expect(
      rejection(
        await platform.gql(
          SET_WEIGHTS,
          { input: { programId, weights: WEIGHTS } },
          regionStaff.token,
        ),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    const [{ n }] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM program_weights',
    );
    expect(n).toBe(0);

    const projectId = await f.publishedProject(interStaff, regionStaff, regionId, {
      title: 'ECサイトの立ち上げ',
      programId,
      requiredSkills: [{ skillId: webDesign, requirement: 'MUST', minLevel: 2, weight: 3 }],
    });
    const set = expectData(
      await platform.gql(SET_WEIGHTS, { input: { programId, weights: WEIGHTS } }, interStaff.token),
    ).setProgramWeights;
    expect(set).toMatchObject({
      programId,
      version: `program-${programId}-v1`,
      weights: { skills: 0.5, theme: 0.2, fairness: 0 },
    });
    const again = expectData(
      await platform.gql(
        SET_WEIGHTS,
        { input: { programId, weights: { ...WEIGHTS, fairness: 0.1 } } },
        interStaff.token,
      ),
    ).setProgramWeights;
    expect(again.version).toBe(`program-${programId}-v2`);

    const erin = await f.signUp('erin');
    expectData(await f.saveProfile(erin, profile({ skills: [{ skillId: webDesign, level: 3 }] })));
    await eventually(async () => {
      const list = await recommended(erin);
      const inProgram = list.find((r: any) => r.project.id === projectId);
      expect(inProgram?.weightsVersion).toBe(`program-${programId}-v2`);
      expect(inProgram.factors.find((x: any) => x.factor === 'skills').weight).toBe(0.5);
      // Projects outside the program keep the defaults.
      expect(list.find((r: any) => r.project.id === webProject)?.weightsVersion).toBe('default-1');
      return true;
    });
  });

  it('counts applications as candidates, shrinking the fairness boost for others', async () => {
    const gina = await f.signUp('gina');
    const hana = await f.signUp('hana');
    for (const person of [gina, hana]) {
      expectData(
        await f.saveProfile(person, profile({ skills: [{ skillId: webDesign, level: 4 }] })),
      );
    }
    const fresh = await f.publishedProject(interStaff, regionStaff, regionId, {
      title: '商店街のウェブ発信',
      requiredSkills: [{ skillId: webDesign, requirement: 'MUST', minLevel: 2, weight: 3 }],
    });
    const fairnessFor = async (person: Person) => {
      const entry = (await recommended(person)).find((r: any) => r.project.id === fresh);
      return entry?.factors.find((x: any) => x.factor === 'fairness');
    };
    await eventually(async () => (await fairnessFor(gina))?.reason.en === '0 candidates so far');
    expect((await fairnessFor(gina)).value).toBe(1);
    expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId: fresh, motivation: '週末に商店街の発信を手伝いたいです。' } },
        hana.token,
      ),
    );
    await eventually(async () => (await fairnessFor(gina))?.reason.en === '1 candidates so far');
    expect((await fairnessFor(gina)).value).toBeLessThan(1);
  });

  it('drops a closed project from recommendations', async () => {
    const fred = await f.signUp('fred');
    expectData(await f.saveProfile(fred, profile({ skills: [{ skillId: webDesign, level: 4 }] })));
    const extra = await f.publishedProject(interStaff, regionStaff, regionId, {
      title: '移住者向けサイト',
      requiredSkills: [{ skillId: webDesign, requirement: 'MUST', minLevel: 1, weight: 2 }],
    });
    await eventually(async () =>
      (await recommended(fred)).some((r: any) => r.project.id === extra),
    );
    expectData(
      await platform.gql(
        `mutation($id: ID!) { closeProject(id: $id) { status } }`,
        { id: extra },
        interStaff.token,
      ),
    );
    expect((await recommended(fred)).map((r: any) => r.project.id)).not.toContain(extra);
    await eventually(async () => {
      const [{ n }] = await platform.dataSource.query(
        'SELECT count(*)::int AS n FROM participant_recommendation_list WHERE $1 = ANY(project_ids)',
        [extra],
      );
      return n === 0;
    });
  });
});
