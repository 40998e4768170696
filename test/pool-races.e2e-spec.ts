import { NestedConnectionError } from '@tsunagu/core';
import { expectData, Fixtures, Person } from './support/fixtures';
import {
  eventually,
  GraphQLResult,
  startTestPlatform,
  TestPlatform,
} from './support/test-platform';

// Every lock-taking mutation fired more times at once than the API's pool has connections. A
// transaction that asks the pool for a second connection deadlocks such a burst (each request
// holds one connection and waits for another), so each burst must answer in full, in time, with
// only successes and the conflicts the rules call for, and the API must still serve reads after.

const POOL = 3;
const BURST = 24;
// Generous for a loaded two-core machine; a deadlocked pool never answers at all (and with the
// connect timeout, answers TRY_AGAIN, which fails the tally).
const ANSWER_WITHIN_MS = 45_000;

// Setting up two dozen participants (password hashing) is slow on a busy machine.
jest.setTimeout(120_000);

const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const GIVE_FEEDBACK = `mutation($input: GiveEngagementFeedbackInput!) {
  giveEngagementFeedback(input: $input) { id side } }`;
const FEEDBACK = `query($id: ID!) { engagementFeedback(engagementId: $id) { side rating } }`;
const HISTORY = `query($id: ID!) { engagementHistory(engagementId: $id) { action } }`;
const ADD_CHECK_IN = `mutation($input: AddCheckInInput!) { addCheckIn(input: $input) { id } }`;
const CHECK_INS = `query($id: ID!) { engagementCheckIns(engagementId: $id) { id } }`;
const APPROVE_HOURS = `mutation($id: ID!) { approveCheckInHours(checkInId: $id) { id } }`;
const ADD_MILESTONE = `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`;
const COMPLETE_MILESTONE = `mutation($id: ID!) { completeMilestone(milestoneId: $id) { id } }`;
const SEND_OFFER = `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`;
const RESPOND = `mutation($input: RespondToScoutOfferInput!) {
  respondToScoutOffer(input: $input) { id status engagementId } }`;
const UPDATE_PROJECT = `mutation($input: UpdateProjectInput!) {
  updateProject(input: $input) { id title } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { status } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id status title } }`;
const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`;
const CREATE_COHORT = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`;
const ADD_COHORT_PROJECTS = `mutation($input: AddCohortProjectsInput!) {
  addCohortProjects(input: $input) { id } }`;
const ADD_COHORT_MEMBERS = `mutation($input: AddCohortMembersInput!) {
  addCohortMembers(input: $input) { id } }`;
const RANK = `mutation($input: RankCohortProjectsInput!) { rankCohortProjects(input: $input) { id } }`;
const RUN_ALLOCATION = `mutation($cohortId: ID!) { runAllocation(cohortId: $cohortId, mode: STABLE) { id } }`;
const ALLOCATION = `query($id: ID!) { allocation(id: $id) { id status } }`;
const CONFIRM = `mutation($id: ID!) { confirmAllocation(id: $id) { id status } }`;

const TERMS = { startDate: '2027-01-10', hoursPerWeek: 4, goals: '町の発信を整える' };
const MOTIVATION = '週末に町の発信を手伝いたいです。';

interface Outcome {
  result: GraphQLResult;
  code: string | null;
}

describe('lock-taking mutations in bursts larger than the connection pool', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let regionStaff: Person;
  let interStaff: Person;
  let regionId: string;
  let intermediaryId: string;

  // Fires `calls` all at once; every one must answer within the bound.
  async function burst(calls: Array<() => Promise<GraphQLResult>>): Promise<Outcome[]> {
    const started = Date.now();
    const results = await Promise.all(
      calls.map((call) =>
        Promise.race([
          call(),
          new Promise<GraphQLResult>((_, reject) =>
            setTimeout(
              () => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms: pool stuck?`)),
              ANSWER_WITHIN_MS,
            ).unref(),
          ),
        ]),
      ),
    );
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    return results.map((result) => ({
      result,
      code: result.errors ? (result.errors[0].extensions?.code ?? 'UNKNOWN') : null,
    }));
  }

  // How many succeeded; everything else must be one of the `allowed` codes.
  function tally(outcomes: Outcome[], allowed: string[] = ['CONFLICT']): number {
    const unexpected = outcomes.filter((o) => o.code !== null && !allowed.includes(o.code));
    expect(unexpected.map((o) => o.result.errors)).toEqual([]);
    return outcomes.filter((o) => o.code === null).length;
  }

  const times = (n: number, call: () => Promise<GraphQLResult>) =>
    Array.from({ length: n }, () => call);
  const gql = (query: string, variables: Record<string, unknown>, who: Person) =>
    platform.gql(query, variables, who.token);
  const transition = (who: Person, input: Record<string, unknown>) =>
    gql(TRANSITION, { input }, who);

  async function publishedProject(capacity = 30, overrides: Record<string, unknown> = {}) {
    const id = await f.publishedProject(interStaff, regionStaff, regionId, {
      capacity,
      ...overrides,
    });
    return id;
  }

  async function engagement(
    participant: Person,
    projectId: string,
    until: 'SUBMITTED' | 'APPROVED' | 'ACTIVE' | 'COMPLETED',
  ): Promise<string> {
    const id = expectData(
      await gql(APPLY, { input: { projectId, motivation: MOTIVATION } }, participant),
    ).applyToProject.id as string;
    if (until === 'SUBMITTED') return id;
    expectData(await transition(regionStaff, { engagementId: id, action: 'ACCEPT' }));
    expectData(await transition(interStaff, { engagementId: id, action: 'APPROVE', terms: TERMS }));
    if (until === 'APPROVED') return id;
    expectData(await transition(interStaff, { engagementId: id, action: 'START' }));
    if (until === 'ACTIVE') return id;
    expectData(await transition(interStaff, { engagementId: id, action: 'COMPLETE' }));
    return id;
  }

  beforeAll(async () => {
    // The worker (same small pool) runs cohort allocations.
    platform = await startTestPlatform({ worker: true, env: { DATABASE_POOL_MAX: String(POOL) } });
    f = new Fixtures(platform);
    ({
      regionStaff,
      regionId,
      hubStaff: interStaff,
      intermediaryId,
    } = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub'],
      project: false,
    }));
  });

  afterAll(() => platform.close());

  it('runs with a pool smaller than the bursts, and the guard refuses a second connection', async () => {
    const pool = (platform.dataSource.driver as unknown as { master: { options: { max: number } } })
      .master;
    expect(pool.options.max).toBe(POOL);
    // Inside a transaction, the DataSource's own query would take a second connection.
    await expect(
      platform.dataSource.transaction(() => platform.dataSource.query('SELECT 1')),
    ).rejects.toBeInstanceOf(NestedConnectionError);
    // Through the transaction's manager it is fine, and so is work that runs after commit.
    let later: Promise<unknown> | undefined;
    await platform.dataSource.transaction(async (m) => {
      await m.query('SELECT 1');
      later = new Promise((r) => setTimeout(r, 20)).then(() =>
        platform.dataSource.query('SELECT 1'),
      );
    });
    await expect(later).resolves.toEqual([{ '?column?': 1 }]);
  });

  it('takes feedback once per side however many arrive at once from both sides', async () => {
    const projectId = await publishedProject();
    const mai = await f.participant('mai');
    const id = await engagement(mai, projectId, 'COMPLETED');
    const give = (who: Person, rating: number) => () =>
      gql(GIVE_FEEDBACK, { input: { engagementId: id, rating } }, who);

    const outcomes = await burst([
      ...times(BURST, give(mai, 5)),
      ...times(BURST, give(regionStaff, 4)),
    ]);

    expect(tally(outcomes.slice(0, BURST))).toBe(1);
    expect(tally(outcomes.slice(BURST))).toBe(1);
    const read = expectData(await gql(FEEDBACK, { id }, mai)).engagementFeedback;
    expect(read).toEqual([
      { side: 'PARTICIPANT', rating: 5 },
      { side: 'REGION', rating: 4 },
    ]);
  });

  it('completes an engagement once, and starts and accepts once, under bursts', async () => {
    const projectId = await publishedProject();
    const ken = await f.participant('ken');
    const active = await engagement(ken, projectId, 'ACTIVE');
    const complete = await burst(
      times(BURST, () => transition(interStaff, { engagementId: active, action: 'COMPLETE' })),
    );
    expect(tally(complete)).toBe(1);
    const history = expectData(await gql(HISTORY, { id: active }, ken)).engagementHistory;
    expect(history.filter((h: { action: string }) => h.action === 'COMPLETE')).toHaveLength(1);

    const sora = await f.participant('sora');
    const submitted = await engagement(sora, projectId, 'SUBMITTED');
    const accept = await burst(
      times(BURST, () => transition(regionStaff, { engagementId: submitted, action: 'ACCEPT' })),
    );
    expect(tally(accept)).toBe(1);
  });

  it('applies and accepts up to capacity when many participants arrive at once', async () => {
    const capacity = 2;
    const projectId = await publishedProject(capacity);
    const people: Person[] = [];
    for (let i = 0; i < BURST; i++) people.push(await f.participant(`p${i}`));

    const applied = await burst(
      people.map((p) => () => gql(APPLY, { input: { projectId, motivation: MOTIVATION } }, p)),
    );
    expect(tally(applied)).toBe(BURST);
    // The same participant many times over: one application.
    const eager = await f.participant('eager');
    const again = await burst(
      times(BURST, () => gql(APPLY, { input: { projectId, motivation: MOTIVATION } }, eager)),
    );
    expect(tally(again)).toBe(1);

    const ids = applied.map((o) => o.result.data!.applyToProject.id as string);
    const accepted = await burst(
      ids.map((id) => () => transition(regionStaff, { engagementId: id, action: 'ACCEPT' })),
    );
    expect(tally(accepted)).toBe(capacity);
    const [{ held }] = await platform.dataSource.query(
      `SELECT count(*)::int AS held FROM engagement WHERE project_id = $1 AND status = 'ACCEPTED'`,
      [projectId],
    );
    expect(held).toBe(capacity);
  });

  it('records check-ins, approves hours and ticks milestones off under bursts', async () => {
    const projectId = await publishedProject();
    const aoi = await f.participant('aoi');
    const id = await engagement(aoi, projectId, 'ACTIVE');

    const checkIns = await burst(
      times(BURST, () =>
        gql(
          ADD_CHECK_IN,
          { input: { engagementId: id, summary: '掲載情報を更新', hours: 1.5 } },
          aoi,
        ),
      ),
    );
    expect(tally(checkIns)).toBe(BURST);
    expect(expectData(await gql(CHECK_INS, { id }, aoi)).engagementCheckIns).toHaveLength(BURST);

    const checkInId = checkIns[0].result.data!.addCheckIn.id as string;
    const approvals = await burst(
      times(BURST, () => gql(APPROVE_HOURS, { id: checkInId }, regionStaff)),
    );
    expect(tally(approvals)).toBe(1);

    const milestone = expectData(
      await gql(
        ADD_MILESTONE,
        { input: { engagementId: id, title: '写真の撮影', dueDate: '2027-02-01' } },
        regionStaff,
      ),
    ).addMilestone.id as string;
    const ticks = await burst(times(BURST, () => gql(COMPLETE_MILESTONE, { id: milestone }, aoi)));
    expect(tally(ticks)).toBe(1);
  });

  it('accepts a scout offer once however many answers arrive at once', async () => {
    const projectId = await publishedProject();
    const rin = await f.participant('rin');
    const offer = expectData(
      await gql(
        SEND_OFFER,
        {
          input: {
            projectId,
            participantId: rin.id,
            message: '空き家バンクの立て直しに、あなたの経験を貸してください。',
          },
        },
        interStaff,
      ),
    ).sendScoutOffer.id as string;

    const answers = await burst(
      times(BURST, () => gql(RESPOND, { input: { offerId: offer, response: 'ACCEPT' } }, rin)),
    );
    expect(tally(answers)).toBe(1);
    const [{ n }] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM engagement WHERE project_id = $1 AND participant_id = $2`,
      [projectId, rin.id],
    );
    expect(n).toBe(1);
  });

  it('ranks cohort projects and confirms an allocation under bursts', async () => {
    const programId = expectData(
      await gql(
        CREATE_PROGRAM,
        {
          input: {
            intermediaryOrganizationId: intermediaryId,
            name: '新潟つながり',
            description: '',
          },
        },
        interStaff,
      ),
    ).createProgram.id as string;
    const projectId = await publishedProject(2, { mode: 'REMOTE' });
    const members = [await f.participant('c1'), await f.participant('c2')];
    const cohortId = expectData(
      await gql(CREATE_COHORT, { input: { programId, name: '冬のマッチング会' } }, interStaff),
    ).createCohort.id as string;
    expectData(
      await gql(
        ADD_COHORT_PROJECTS,
        { input: { cohortId, projects: [{ projectId }] } },
        interStaff,
      ),
    );
    expectData(
      await gql(
        ADD_COHORT_MEMBERS,
        { input: { cohortId, participantIds: members.map((m) => m.id) } },
        interStaff,
      ),
    );
    const ranks = await burst(
      members.flatMap((m) =>
        times(BURST / 2, () => gql(RANK, { input: { cohortId, projectIds: [projectId] } }, m)),
      ),
    );
    expect(tally(ranks)).toBe(BURST);

    const allocationId = expectData(await gql(RUN_ALLOCATION, { cohortId }, interStaff))
      .runAllocation.id as string;
    await eventually(async () => {
      const { allocation } = expectData(await gql(ALLOCATION, { id: allocationId }, interStaff));
      return allocation.status === 'PROPOSED';
    }, 20_000);
    const confirms = await burst(
      times(BURST, () => gql(CONFIRM, { id: allocationId }, interStaff)),
    );
    expect(tally(confirms)).toBe(1);
    const [{ n }] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM engagement WHERE project_id = $1`,
      [projectId],
    );
    expect(n).toBe(members.length);
  });

  it('edits and publishes a project under bursts, then still serves reads', async () => {
    const projectId = await f.project(regionStaff, regionId, { capacity: 5 });
    const edits = await burst(
      Array.from(
        { length: BURST },
        (_, i) => () =>
          gql(
            UPDATE_PROJECT,
            { input: { projectId, changes: { title: `空き家バンク ${i}` } } },
            regionStaff,
          ),
      ),
    );
    expect(tally(edits)).toBe(BURST);
    await f.submit(projectId);
    const publishes = await burst(times(BURST, () => gql(PUBLISH, { id: projectId }, interStaff)));
    expect(tally(publishes)).toBe(1);

    // The pool is free again: a plain read answers at once.
    const read = await eventually(async () =>
      expectData(await gql(PROJECT, { id: projectId }, regionStaff)),
    );
    expect(read.project).toMatchObject({ id: projectId, status: 'PUBLISHED' });
  });
});
