import { Allocation, AllocationRunner } from '@tsunagu/cohorts';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import {
  eventually,
  GraphQLResult,
  startTestPlatform,
  TestPlatform,
} from './support/test-platform';

const COHORT = `id name status
  projects { capacity project { id } }
  members { participant { participantId displayName card { userId } } ranking { rank project { id } } }
  myRanking { rank project { id } }
  allocations { id mode status }`;

const ALLOCATION = `id cohortId mode status totalScore blockingPairs error weightsVersion
  problems { code message participantId projectId }
  assignments {
    participant { participantId displayName card { userId } }
    project { id } score rank adjusted engagementId
  }
  unassigned { participantId }
  teams {
    project { id } capacity members { participantId }
    coveredSkills { skill { skillId } participantId } uncoveredSkills { skillId }
  }
  blockingPairDetails { participant { participantId } project { id } }`;

const CREATE = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { ${COHORT} } }`;
const ADD_PROJECTS = `mutation($input: AddCohortProjectsInput!) { addCohortProjects(input: $input) { ${COHORT} } }`;
const ADD_MEMBERS = `mutation($input: AddCohortMembersInput!) { addCohortMembers(input: $input) { ${COHORT} } }`;
const RANK = `mutation($input: RankCohortProjectsInput!) { rankCohortProjects(input: $input) { ${COHORT} } }`;
const GET_COHORT = `query($id: ID!) { cohort(id: $id) { ${COHORT} } }`;
const RUN = `mutation($cohortId: ID!, $mode: AllocationMode!) { runAllocation(cohortId: $cohortId, mode: $mode) { ${ALLOCATION} } }`;
const GET = `query($id: ID!) { allocation(id: $id) { ${ALLOCATION} } }`;
const ADJUST = `mutation($input: AdjustAllocationInput!) { adjustAllocation(input: $input) { ${ALLOCATION} } }`;
const CONFIRM = `mutation($id: ID!) { confirmAllocation(id: $id) { ${ALLOCATION} } }`;

// Through GraphQL with the worker running: an intermediary allocates a cohort of its program.
describe('cohort allocation', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let hub: Person;
  let otherHub: Person;
  let regionStaff: Person;
  let regionId: string;
  let programId: string;
  const skill: Record<string, string> = {};

  const gql = (query: string, variables: Record<string, unknown>, who: Person) =>
    platform.gql(query, variables, who.token);
  const codeOf = (result: GraphQLResult) => rejection(result).extensions.code;
  const reasonOf = (result: GraphQLResult) => rejection(result).extensions.reason;

  // A participant (PRO_BONO, in Tokyo) with these skills, by name → level.
  async function participant(
    label: string,
    skills: Record<string, number>,
    extra: Record<string, unknown> = {},
  ): Promise<Person> {
    const person = await f.signUp(label);
    expectData(
      await f.saveProfile(person, {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '131130',
        skills: Object.entries(skills).map(([name, level]) => ({ skillId: skill[name], level })),
        ...extra,
      }),
    );
    return person;
  }

  // A published remote project in Bihoro; `must` lists its must-have skills (minimum level).
  async function project(
    title: string,
    capacity: number,
    must: Record<string, number>,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const id = await f.publishedProject(hub, regionStaff, regionId, {
      title,
      mode: 'REMOTE',
      capacity,
      requiredSkills: Object.entries(must).map(([name, minLevel]) => ({
        skillId: skill[name],
        requirement: 'MUST',
        minLevel,
        weight: 3,
      })),
      ...overrides,
    });
    return id;
  }

  async function cohort(
    name: string,
    projects: Array<{ projectId: string; capacity?: number }>,
    members: Person[],
  ): Promise<string> {
    const id = expectData(await gql(CREATE, { input: { programId, name } }, hub)).createCohort.id;
    if (projects.length)
      expectData(await gql(ADD_PROJECTS, { input: { cohortId: id, projects } }, hub));
    if (members.length) {
      const participantIds = members.map((m) => m.id);
      expectData(await gql(ADD_MEMBERS, { input: { cohortId: id, participantIds } }, hub));
    }
    return id;
  }

  const rank = (who: Person, cohortId: string, projectIds: string[]) =>
    gql(RANK, { input: { cohortId, projectIds } }, who);

  async function run(cohortId: string, mode: 'STABLE' | 'OPTIMAL'): Promise<any> {
    const queued = expectData(await gql(RUN, { cohortId, mode }, hub)).runAllocation;
    // The answer is read after commit: a quick worker may already have started (or finished).
    expect(queued).toMatchObject({ mode });
    expect(['QUEUED', 'RUNNING', 'PROPOSED']).toContain(queued.status);
    return eventually(async () => {
      const { allocation } = expectData(await gql(GET, { id: queued.id }, hub));
      return !['QUEUED', 'RUNNING'].includes(allocation.status) && allocation;
    });
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      municipalityCode: '015431',
      regionStaff: ['bihoro-staff'],
      hubStaff: ['cohort-hub'],
      project: false,
    });
    ({ admin, regionStaff, regionId, hubStaff: hub } = scene);
    const hubOrg = scene.intermediaryId;
    otherHub = await f.signUp('other-hub');
    // Covers the same place, but the program is not its own.
    await f.intermediary(admin, { prefectureCodes: ['01'] }, [otherHub]);
    programId = expectData(
      await gql(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        { input: { intermediaryOrganizationId: hubOrg, name: '北海道つながり', description: '' } },
        hub,
      ),
    ).createProgram.id;
    for (const name of ['design', 'english', 'farming']) skill[name] = await f.skill(name);
  });

  afterAll(() => platform.close());

  it('proposes stable and optimal allocations with teams, adjusts and confirms into applications', async () => {
    const web = await project('Webサイトの刷新', 2, { design: 3, english: 3 });
    const farm = await project('農園の手伝い', 2, { farming: 2 });
    const guide = await project('まち歩きガイド', 1, {});
    const u1 = await participant('u1', { design: 4 });
    const u2 = await participant('u2', { design: 2 });
    const u3 = await participant('u3', { farming: 3 });
    const u4 = await participant('u4', { farming: 1 });
    const u5 = await participant('u5', {});
    const u6 = await participant('u6', { design: 5, farming: 5 });
    const people = [u1, u2, u3, u4, u5, u6];
    const cohortId = await cohort(
      '夏のマッチング会',
      [{ projectId: web }, { projectId: farm }, { projectId: guide }],
      people,
    );

    const rankings = new Map<string, string[]>([
      [u1.id, [web, guide]],
      [u2.id, [web, farm]],
      [u3.id, [farm, web]],
      [u4.id, [farm, guide]],
      [u5.id, [guide, farm]],
      [u6.id, [farm, web, guide]],
    ]);
    for (const person of people) {
      const ranked = expectData(await rank(person, cohortId, rankings.get(person.id)!));
      expect(ranked.rankCohortProjects.myRanking.map((r: any) => r.project.id)).toEqual(
        rankings.get(person.id),
      );
      // Members see the projects and their own ranking, not the others'.
      expect(ranked.rankCohortProjects.members).toBeNull();
      expect(ranked.rankCohortProjects.allocations).toBeNull();
    }
    // A new ranking replaces the previous one.
    expectData(await rank(u5, cohortId, [farm]));
    expectData(await rank(u5, cohortId, [guide, farm]));

    const staffView = expectData(await gql(GET_COHORT, { id: cohortId }, hub)).cohort;
    // Each project's capacity by default.
    expect(staffView.projects).toHaveLength(3);
    expect(staffView.projects).toEqual(
      expect.arrayContaining([
        { capacity: 2, project: { id: web } },
        { capacity: 2, project: { id: farm } },
        { capacity: 1, project: { id: guide } },
      ]),
    );
    expect(staffView.members).toHaveLength(6);
    const u5Member = staffView.members.find((m: any) => m.participant.participantId === u5.id);
    expect(u5Member.participant).toEqual({
      participantId: u5.id,
      displayName: 'u5',
      card: { userId: u5.id },
    });
    expect(u5Member.ranking.map((r: any) => r.project.id)).toEqual([guide, farm]);

    const capacity = new Map([
      [web, 2],
      [farm, 2],
      [guide, 1],
    ]);
    const expectFeasible = (allocation: any) => {
      const taken = new Map<string, number>();
      for (const a of allocation.assignments) {
        const ranking = rankings.get(a.participant.participantId)!;
        expect(ranking).toContain(a.project.id);
        expect(a.rank).toBe(ranking.indexOf(a.project.id) + 1);
        taken.set(a.project.id, (taken.get(a.project.id) ?? 0) + 1);
      }
      for (const [id, n] of taken) expect(n).toBeLessThanOrEqual(capacity.get(id)!);
      const everyone = [
        ...allocation.assignments.map((a: any) => a.participant.participantId),
        ...allocation.unassigned.map((u: any) => u.participantId),
      ].sort();
      expect(everyone).toEqual(people.map((p) => p.id).sort());
      const total = allocation.assignments.reduce((sum: number, a: any) => sum + a.score, 0);
      expect(allocation.totalScore).toBeCloseTo(total, 6);
    };

    const stable = await run(cohortId, 'STABLE');
    expect(stable).toMatchObject({ status: 'PROPOSED', blockingPairs: 0, error: null });
    expect(stable.blockingPairDetails).toEqual([]);
    expect(stable.weightsVersion).toBe('default-1');
    expectFeasible(stable);
    // Five seats for six people who all ranked something: five are placed.
    expect(stable.assignments).toHaveLength(5);

    // Nobody in the cohort speaks English at level 3: the web team reports the gap.
    const webTeam = stable.teams.find((t: any) => t.project.id === web);
    expect(webTeam.capacity).toBe(2);
    expect(webTeam.uncoveredSkills).toEqual([{ skillId: skill.english }]);
    for (const team of stable.teams) {
      const members = team.members.map((m: any) => m.participantId);
      for (const covered of team.coveredSkills) expect(members).toContain(covered.participantId);
    }
    const farmTeam = stable.teams.find((t: any) => t.project.id === farm);
    expect(farmTeam.coveredSkills).toHaveLength(1);
    expect(farmTeam.uncoveredSkills).toEqual([]);

    const optimal = await run(cohortId, 'OPTIMAL');
    expect(optimal.status).toBe('PROPOSED');
    expectFeasible(optimal);
    expect(optimal.totalScore).toBeGreaterThanOrEqual(stable.totalScore - 1e-9);

    const listed = expectData(await gql(GET_COHORT, { id: cohortId }, hub)).cohort.allocations;
    expect(listed.map((a: any) => [a.id, a.mode])).toEqual([
      [optimal.id, 'OPTIMAL'],
      [stable.id, 'STABLE'],
    ]);

    // Adjust: unassigning someone leaves a free seat they wanted, which shows as a blocking pair;
    // putting them back restores the stable proposal.
    const first = stable.assignments[0];
    const who = first.participant.participantId;
    const move = (participantId: string, projectId: string | null) =>
      gql(
        ADJUST,
        { input: { allocationId: stable.id, moves: [{ participantId, projectId }] } },
        hub,
      );
    const out = expectData(await move(who, null)).adjustAllocation;
    expect(out.unassigned.map((u: any) => u.participantId)).toContain(who);
    expect(out.totalScore).toBeCloseTo(stable.totalScore - first.score, 6);
    expect(out.blockingPairs).toBeGreaterThan(0);
    expect(out.blockingPairDetails).toContainEqual({
      participant: { participantId: who },
      project: { id: first.project.id },
    });
    const back = expectData(await move(who, first.project.id)).adjustAllocation;
    expect(back.blockingPairs).toBe(0);
    expect(back.totalScore).toBeCloseTo(stable.totalScore, 6);
    const moved = back.assignments.find((a: any) => a.participant.participantId === who);
    expect(moved).toMatchObject({ project: { id: first.project.id }, adjusted: true });

    // Only to a project the participant ranked, and within capacity.
    // (Someone who left a project out of their ranking: not everyone did.)
    const picky = people
      .map((p) => p.id)
      .find((id) => [web, farm, guide].some((p) => !rankings.get(id)!.includes(p)))!;
    const unranked = [web, farm, guide].find((p) => !rankings.get(picky)!.includes(p))!;
    const refused = rejection(await move(picky, unranked));
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions.fields).toEqual([
      {
        path: ['input', 'moves', '0', 'projectId'],
        message: 'the participant did not rank this project',
      },
    ]);
    const guideHolder = back.assignments.find((a: any) => a.project.id === guide).participant
      .participantId;
    const wantsGuide = people.find(
      (p) => p.id !== guideHolder && rankings.get(p.id)!.includes(guide),
    )!;
    const full = rejection(await move(wantsGuide.id, guide));
    expect(full.extensions.fields![0].message).toBe('the project is full (capacity 1)');

    // Someone already applied on their own: confirming keeps that application.
    const selfApplied = back.assignments.find((a: any) => a.participant.participantId !== who);
    const own = expectData(
      await gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        {
          input: {
            projectId: selfApplied.project.id,
            motivation: 'コホートの前に自分で応募しました。',
          },
        },
        people.find((p) => p.id === selfApplied.participant.participantId)!,
      ),
    ).applyToProject.id;

    // Two confirms at once: one wins, the other finds the cohort confirmed.
    const results = await Promise.all([
      gql(CONFIRM, { id: stable.id }, hub),
      gql(CONFIRM, { id: stable.id }, hub),
    ]);
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(reasonOf(results.find((r) => r.errors)!)).toBe('ALREADY_DONE');
    const confirmed = winners[0].data.confirmAllocation;
    expect(confirmed.status).toBe('CONFIRMED');
    for (const a of confirmed.assignments) expect(a.engagementId).toEqual(expect.any(String));
    expect(
      confirmed.assignments.find(
        (a: any) => a.participant.participantId === selfApplied.participant.participantId,
      ).engagementId,
    ).toBe(own);

    // The applications are there for the region, one per assigned participant and project.
    for (const projectId of [web, farm, guide]) {
      const apps = expectData(
        await gql(
          `query($projectId: ID!) { projectEngagements(projectId: $projectId) { edges { node { id applicant { userId } } } } }`,
          { projectId },
          regionStaff,
        ),
      ).projectEngagements.edges.map((e: any) => e.node);
      const assigned = confirmed.assignments.filter((a: any) => a.project.id === projectId);
      expect(apps.map((a: any) => a.applicant.userId).sort()).toEqual(
        assigned.map((a: any) => a.participant.participantId).sort(),
      );
      expect(apps.map((a: any) => a.id).sort()).toEqual(
        assigned.map((a: any) => a.engagementId).sort(),
      );
    }

    // Once per cohort: nothing changes after confirmation.
    expect(reasonOf(await gql(CONFIRM, { id: stable.id }, hub))).toBe('ALREADY_DONE');
    expect(reasonOf(await gql(CONFIRM, { id: optimal.id }, hub))).toBe('ALREADY_DONE');
    expect(reasonOf(await gql(RUN, { cohortId, mode: 'STABLE' }, hub))).toBe('WRONG_STATUS');
    expect(reasonOf(await move(who, null))).toBe('WRONG_STATUS');
    expect(reasonOf(await rank(u1, cohortId, [guide]))).toBe('WRONG_STATUS');
    expect(expectData(await gql(GET_COHORT, { id: cohortId }, u1)).cohort.status).toBe('CONFIRMED');
  }, 90_000);

  it('gives the hand-checked assignment on a small cohort', async () => {
    // Both rank x first. a has both skills, so scores the same at x and y; b is weak at design
    // (partial credit at x) and has no farming (none at y). Everything else is equal.
    const x = await project('デザイン', 1, { design: 3 });
    const y = await project('農作業', 1, { farming: 3 });
    const a = await participant('a', { design: 5, farming: 5 });
    const b = await participant('b', { design: 2 });
    const cohortId = await cohort('小さなコホート', [{ projectId: x }, { projectId: y }], [a, b]);
    expectData(await rank(a, cohortId, [x, y]));
    expectData(await rank(b, cohortId, [x, y]));
    const pairs = (allocation: any) =>
      allocation.assignments
        .map((s: any) => [s.participant.participantId, s.project.id, s.rank])
        .sort((p: any, q: any) => (p[0] < q[0] ? -1 : 1));
    const sorted = (rows: any[]) => rows.sort((p, q) => (p[0] < q[0] ? -1 : 1));

    // Stable: x prefers a (higher score), so b falls to y; y's farming stays uncovered.
    const stable = await run(cohortId, 'STABLE');
    expect(pairs(stable)).toEqual(
      sorted([
        [a.id, x, 1],
        [b.id, y, 2],
      ]),
    );
    expect(stable.blockingPairs).toBe(0);
    expect(stable.teams.find((t: any) => t.project.id === y).uncoveredSkills).toEqual([
      { skillId: skill.farming },
    ]);
    expect(stable.teams.find((t: any) => t.project.id === x).coveredSkills).toEqual([
      { skill: { skillId: skill.design }, participantId: a.id },
    ]);

    // Optimal: a loses nothing at y and b gains at x, so they swap; a and x now block.
    const optimal = await run(cohortId, 'OPTIMAL');
    expect(pairs(optimal)).toEqual(
      sorted([
        [a.id, y, 2],
        [b.id, x, 1],
      ]),
    );
    expect(optimal.totalScore).toBeGreaterThan(stable.totalScore);
    expect(optimal.blockingPairs).toBe(1);
    expect(optimal.blockingPairDetails).toEqual([
      { participant: { participantId: a.id }, project: { id: x } },
    ]);
    // The higher total leaves x's design to b, who is below its level: the gap moves to x.
    expect(optimal.teams.find((t: any) => t.project.id === x).uncoveredSkills).toEqual([
      { skillId: skill.design },
    ]);
    expect(optimal.teams.find((t: any) => t.project.id === y).coveredSkills).toEqual([
      { skill: { skillId: skill.farming }, participantId: a.id },
    ]);

    // Who may do what: only the intermediary's staff run, read and confirm allocations.
    const outsider = await participant('outsider', {});
    for (const person of [otherHub, regionStaff]) {
      expect(codeOf(await gql(RUN, { cohortId, mode: 'STABLE' }, person))).toBe('NOT_FOUND');
      expect(codeOf(await gql(CONFIRM, { id: stable.id }, person))).toBe('NOT_FOUND');
      expect(codeOf(await gql(GET, { id: stable.id }, person))).toBe('NOT_FOUND');
      expect(codeOf(await gql(GET_COHORT, { id: cohortId }, person))).toBe('NOT_FOUND');
      expect(
        codeOf(
          await gql(ADD_MEMBERS, { input: { cohortId, participantIds: [outsider.id] } }, person),
        ),
      ).toBe('NOT_FOUND');
    }
    expect(codeOf(await gql(GET_COHORT, { id: cohortId }, outsider))).toBe('NOT_FOUND');
    expect(codeOf(await rank(outsider, cohortId, [x]))).toBe('NOT_FOUND');
    // A member sees the cohort but does not run or confirm its allocations.
    expect(codeOf(await gql(RUN, { cohortId, mode: 'STABLE' }, a))).toBe('FORBIDDEN');
    expect(codeOf(await gql(CONFIRM, { id: stable.id }, a))).toBe('FORBIDDEN');
    expect(codeOf(await gql(GET, { id: stable.id }, a))).toBe('FORBIDDEN');
    // Staff do not rank for members.
    expect(codeOf(await rank(hub, cohortId, [x]))).toBe('FORBIDDEN');
    // Another intermediary does not create cohorts in this program.
    expect(codeOf(await gql(CREATE, { input: { programId, name: 'よその会' } }, otherHub))).toBe(
      'FORBIDDEN',
    );
    // Nothing was confirmed by any of that.
    const after = expectData(await gql(GET, { id: stable.id }, hub)).allocation;
    expect(after.status).toBe('PROPOSED');
  }, 60_000);

  it("confirms no more participants than the project's own free places", async () => {
    const x = await project('定員の変わる企画', 2, { design: 1 });
    const a = await participant('cap-a', { design: 3 });
    const b = await participant('cap-b', { design: 3 });
    const cohortId = await cohort('定員コホート', [{ projectId: x }], [a, b]);
    expectData(await rank(a, cohortId, [x]));
    expectData(await rank(b, cohortId, [x]));
    const stable = await run(cohortId, 'STABLE');
    expect(stable.assignments).toHaveLength(2);
    // Meanwhile the project is sent back and its capacity lowered below the cohort's seats.
    expectData(
      await gql(
        `mutation($id: ID!) { requestProjectChanges(id: $id, comment: "定員を見直し") { status } }`,
        { id: x },
        hub,
      ),
    );
    expectData(
      await gql(
        `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { capacity } }`,
        { input: { projectId: x, changes: { capacity: 1 } } },
        regionStaff,
      ),
    );
    await f.publish(hub, x);

    const refused = rejection(await gql(CONFIRM, { id: stable.id }, hub));
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROJECT_FULL' });
    expect(refused.message).toContain('"定員の変わる企画"');
    const [{ n }] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM engagement WHERE project_id = $1',
      [x],
    );
    expect(n).toBe(0);
  });

  it('refuses bad input with clear errors', async () => {
    const open = await project('空き家の調査', 2, {});
    const later = await project('祭りの準備', 2, {});
    const studentsOnly = await project(
      '学生向け',
      2,
      {},
      { eligibleKinds: ['UNIVERSITY_STUDENT'] },
    );
    const elsewhere = await project('コホート外', 2, {});
    const draft = await f.project(regionStaff, regionId, { title: '下書き', mode: 'REMOTE' });
    const m1 = await participant('m1', {});
    const m2 = await participant('m2', {});
    const hidden = await participant('hidden', {}, { visibility: 'NOBODY' });

    // An empty cohort cannot run.
    const empty = await cohort('空のコホート', [], []);
    const noOne = rejection(await gql(RUN, { cohortId: empty, mode: 'STABLE' }, hub));
    expect(noOne.extensions.code).toBe('BAD_USER_INPUT');
    expect(noOne.message).toContain('no members');
    expect(noOne.message).toContain('no projects');
    expect(noOne.extensions.fields!.map((x) => x.path)).toEqual([['cohortId'], ['cohortId']]);

    const cohortId = await cohort(
      '入力チェック',
      [{ projectId: open }, { projectId: later }, { projectId: studentsOnly }],
      [m1, m2],
    );
    const addProjects = (projects: unknown[]) =>
      gql(ADD_PROJECTS, { input: { cohortId, projects } }, hub);
    const zero = rejection(await addProjects([{ projectId: open, capacity: 0 }]));
    expect(zero.extensions.code).toBe('BAD_USER_INPUT');
    expect(zero.extensions.fields).toEqual([
      { path: ['input', 'projects', '0', 'capacity'], message: 'must be at least 1' },
    ]);
    const tooMany = rejection(await addProjects([{ projectId: open, capacity: 3 }]));
    expect(tooMany.extensions.fields![0]).toEqual({
      path: ['input', 'projects', '0', 'capacity'],
      message: "must be at most the project's capacity (2)",
    });
    const unpublished = rejection(await addProjects([{ projectId: draft }]));
    expect(unpublished.extensions.fields![0].message).toContain('only published projects');
    const hiddenMember = rejection(
      await gql(ADD_MEMBERS, { input: { cohortId, participantIds: [m1.id, hidden.id] } }, hub),
    );
    expect(hiddenMember.extensions.fields).toEqual([
      {
        path: ['input', 'participantIds', '1'],
        message: 'is not a participant whose profile you can see',
      },
    ]);

    // Rankings: each project once, in the cohort, open, and possible for the participant.
    const tie = rejection(await rank(m1, cohortId, [open, later, open]));
    expect(tie.extensions.code).toBe('BAD_USER_INPUT');
    expect(tie.extensions.fields).toEqual([
      {
        path: ['input', 'projectIds', '2'],
        message: expect.stringContaining('ties are not allowed'),
      },
    ]);
    const outside = rejection(await rank(m1, cohortId, [open, elsewhere]));
    expect(outside.extensions.fields).toEqual([
      { path: ['input', 'projectIds', '1'], message: 'is not a project of this cohort' },
    ]);
    const excluded = rejection(await rank(m1, cohortId, [studentsOnly]));
    expect(excluded.extensions.fields).toEqual([
      {
        path: ['input', 'projectIds', '0'],
        message:
          'you cannot join this project: the project is not open to this kind of participant',
      },
    ]);
    expectData(await rank(m1, cohortId, [open, later]));
    expectData(await rank(m2, cohortId, [later]));
    expectData(
      await gql(
        `mutation($id: ID!) { closeProject(id: $id) { status } }`,
        { id: later },
        regionStaff,
      ),
    );
    const closed = rejection(await rank(m2, cohortId, [later, open]));
    expect(closed.extensions.fields).toEqual([
      {
        path: ['input', 'projectIds', '0'],
        message: 'is CLOSED: only published projects can be ranked',
      },
    ]);
    // Rankings made before the project closed stop the run, naming who ranked what.
    const stale = rejection(await gql(RUN, { cohortId, mode: 'OPTIMAL' }, hub));
    expect(stale.extensions.code).toBe('BAD_USER_INPUT');
    expect(stale.message).toContain('m2 ranked "祭りの準備", which is no longer published');
    expect(stale.message).toContain('m1 ranked "祭りの準備"');

    // The worker makes the same checks (things can change after the request): the allocation
    // fails with the problems, and running the job again does nothing.
    const row = await platform.dataSource.getRepository(Allocation).save({
      cohortId,
      mode: 'STABLE' as Allocation['mode'],
      requestedById: hub.id,
    });
    const runner = platform.worker!.get(AllocationRunner);
    expect(await runner.run(row.id)).toBe('failed');
    expect(await runner.run(row.id)).toBe('skipped');
    const failed = expectData(await gql(GET, { id: row.id }, hub)).allocation;
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toContain('no longer published');
    expect(failed.problems).toContainEqual({
      code: 'CLOSED_PROJECT',
      message: expect.stringContaining('m2 ranked "祭りの準備"'),
      participantId: m2.id,
      projectId: later,
    });
    expect(failed.assignments).toEqual([]);
  }, 60_000);
});
