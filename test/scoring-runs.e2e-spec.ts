import { ScoringRunService } from '@tsunagu/scoring';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const START = `mutation($reason: String!) { startFullRescore(input: { reason: $reason }) {
  id status chunksTotal chunksDone } }`;
const RUN = `query($id: ID!) { scoringRun(id: $id) { status chunksTotal chunksDone finishedAt } }`;

// A full re-score runs as a flow of chunk jobs; a chunk that finished is never redone, even when
// the run is resumed (here: the worker starts only after part of the run was done).
describe('full re-score runs', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let participants: Person[];

  beforeAll(async () => {
    platform = await startTestPlatform({ env: { SCORING_CHUNK_SIZE: '1' } });
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['region'],
      hubStaff: ['intermediary'],
      project: false,
    });
    const { regionStaff, hubStaff: interStaff, regionId } = scene;
    admin = scene.admin;
    const skill = await f.skill('Photography');
    for (const title of ['写真で町を記録する', '観光写真の撮影']) {
      await f.publishedProject(interStaff, regionStaff, regionId, {
        title,
        requiredSkills: [{ skillId: skill, requirement: 'NICE', minLevel: 2, weight: 3 }],
      });
    }
    participants = [];
    for (const label of ['p1', 'p2', 'p3']) {
      const person = await f.signUp(label);
      expectData(
        await f.saveProfile(person, {
          kind: 'PRO_BONO',
          homeMunicipalityCode: '131130',
          skills: [{ skillId: skill, level: 3 }],
        }),
      );
      participants.push(person);
    }
    // Only the run's own jobs matter here: drop the per-change re-scores queued so far.
    await platform.dataSource.query(`DELETE FROM outbox_message WHERE job_name <> 'score.all'`);
  });

  afterAll(() => platform.close());

  it('is for platform admins, with a reason', async () => {
    expect(
      rejection(await platform.gql(START, { reason: 'because' }, participants[0].token)).extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const short = rejection(await platform.gql(START, { reason: '   x  ' }, admin.token));
    expect(short.extensions?.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await platform.dataSource.query('SELECT count(*)::int AS n FROM scoring_run');
    expect(n).toBe(0);
  });

  it('runs in chunks with progress, and resumes without redoing finished chunks', async () => {
    const run = expectData(
      await platform.gql(START, { reason: 'weights review' }, admin.token),
    ).startFullRescore;
    expect(run).toMatchObject({ status: 'RUNNING', chunksTotal: 0, chunksDone: 0 });

    // Part of the run happens before the worker is up (as if it had crashed after chunk 0).
    const runs = platform.api.get(ScoringRunService);
    await runs.plan(run.id);
    expect(await runs.runChunk(run.id, 0)).toBe('done');
    expect(await runs.runChunk(run.id, 0)).toBe('skipped');
    const progress = expectData(await platform.gql(RUN, { id: run.id }, admin.token)).scoringRun;
    // Three participants and two projects, one per chunk.
    expect(progress).toMatchObject({ status: 'RUNNING', chunksTotal: 5, chunksDone: 1 });
    const [chunk0] = await platform.dataSource.query(
      `SELECT subject_ids[1] AS id, done_at FROM scoring_run_chunk WHERE run_id = $1 AND chunk = 0`,
      [run.id],
    );
    const computedAt = async (participantId: string) =>
      (
        await platform.dataSource.query(
          `SELECT computed_at FROM participant_recommendation_list WHERE participant_id = $1`,
          [participantId],
        )
      ).map((r: any) => (r.computed_at as Date).toISOString());
    const firstPass = await computedAt(chunk0.id);
    expect(firstPass).toHaveLength(1);

    await platform.startWorker();
    const done = await eventually(async () => {
      const r = expectData(await platform.gql(RUN, { id: run.id }, admin.token)).scoringRun;
      return r.status === 'DONE' && r;
    });
    expect(done).toMatchObject({ chunksTotal: 5, chunksDone: 5 });
    expect(done.finishedAt).not.toBeNull();
    // Chunk 0's lists are the ones written before the "crash"; the others were written by the run.
    expect(await computedAt(chunk0.id)).toEqual(firstPass);
    for (const person of participants.filter((p) => p.id !== chunk0.id)) {
      expect(await computedAt(person.id)).toHaveLength(1);
    }
    const [{ n }] = await platform.dataSource.query(
      'SELECT sum(cardinality(participant_ids))::int AS n FROM project_candidate_list',
    );
    expect(n).toBe(6);
  });
});
