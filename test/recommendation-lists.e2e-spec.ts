import type { INestApplicationContext } from '@nestjs/common';
import { QueueService } from '@tsunagu/core';
import { type Match, topCandidates } from '@tsunagu/matching';
import {
  holdersQuery,
  LIST_TABLES,
  MatchingFactsLoader,
  ProjectEngine,
  ScoringRunService,
  ScoringSubjectKind,
  weightsResolver,
} from '@tsunagu/scoring';
import { DataSource } from 'typeorm';
// The migration itself, to run its data move both ways on lists written by the current code.
import { RecommendationLists1795860000000 } from '../libs/core/src/database/migrations/1795860000000-RecommendationLists';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { expectData, Fixtures, Person } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const START = `mutation($reason: String!) { startFullRescore(input: { reason: $reason }) { id } }`;
const FACTORS = `factors { factor weight value reason { ja en } }`;
const RECOMMENDED = `query($first: Int!, $after: String) {
  recommendedProjects(first: $first, after: $after) {
    edges { cursor node { rank score weightsVersion ${FACTORS} project { id } } }
    pageInfo { hasNextPage endCursor } } }`;
const CANDIDATES = `query($projectId: ID!) { recommendedCandidates(projectId: $projectId, first: 50) {
  edges { node { rank score weightsVersion ${FACTORS} participant { userId } } } } }`;

// What the API answered before lists were stored as arrays: the engine's explained matches.
const asAnswered = (matches: Match[], other: 'projectId' | 'participantId') =>
  matches.map((m, i) => ({
    rank: i + 1,
    score: m.score,
    weightsVersion: m.weightsVersion,
    factors: m.factors,
    id: m[other],
  }));

// Recommendation lists stored one row per subject (ids and scores in arrays, explained on read)
// answer exactly what the explained engine gives, ties included; full re-score chunks are written
// exactly once however many workers and deliveries race for them; the migration moves lists.
describe('recommendation lists', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let interStaff: Person;
  let participants: Person[];
  let projectIds: string[];

  const runAll = async () => {
    const runId = expectData(await platform.gql(START, { reason: 'lists test' }, admin.token))
      .startFullRescore.id as string;
    const runs = platform.api.get(ScoringRunService);
    await runs.plan(runId);
    const [{ total }] = await platform.dataSource.query(
      'SELECT chunks_total AS total FROM scoring_run WHERE id = $1',
      [runId],
    );
    for (let c = 0; c < total; c++) expect(await runs.runChunk(runId, c)).toBe('done');
    await runs.finish(runId);
    return runId;
  };

  const expected = async () => {
    const loader = platform.api.get(MatchingFactsLoader);
    const [people, projects, weightsOf] = await Promise.all([
      loader.participants(),
      loader.publishedProjects(),
      weightsResolver(platform.dataSource.manager),
    ]);
    const projectEngine = new ProjectEngine(new Map(projects.map((p) => [p.id, p])), weightsOf);
    return {
      projectsOf: new Map(people.map((p) => [p.id, projectEngine.topProjects(p, 20)])),
      candidatesOf: new Map(
        // Brute force: every participant scored for the project.
        projects.map((p) => [p.id, topCandidates(p, people, weightsOf(p), 20)]),
      ),
    };
  };

  const recommended = async (person: Person) => {
    const nodes: any[] = [];
    let after: string | undefined;
    // Two at a time, so the cursor is exercised too.
    for (;;) {
      const page = expectData(
        await platform.gql(RECOMMENDED, { first: 2, after }, person.token),
      ).recommendedProjects;
      nodes.push(...page.edges.map((e: any) => ({ ...e.node, id: e.node.project.id })));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return nodes.map(({ project: _project, ...rest }) => rest);
  };

  const candidates = async (projectId: string) =>
    expectData(
      await platform.gql(CANDIDATES, { projectId }, interStaff.token),
    ).recommendedCandidates.edges.map(({ node: { participant, ...rest } }: any) => ({
      ...rest,
      id: participant.userId,
    }));

  const lists = (db: DataSource) =>
    db.query(
      `SELECT 'p' AS side, participant_id AS owner, project_ids::text[] AS ids, scores,
              weights_versions AS versions
       FROM participant_recommendation_list
       UNION ALL
       SELECT 'c', project_id, participant_ids::text[], scores, ARRAY[weights_version]
       FROM project_candidate_list ORDER BY side, owner`,
    );

  beforeAll(async () => {
    platform = await startTestPlatform({ env: { SCORING_CHUNK_SIZE: '1' } });
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['region'],
      hubStaff: ['intermediary'],
      project: false,
    });
    admin = scene.admin;
    interStaff = scene.hubStaff;
    const skill = await f.skill('Carpentry');
    projectIds = [];
    // Three alike (equal scores for everyone: ties broken by id), and two apart.
    for (const title of ['古民家の改修 一', '古民家の改修 二', '古民家の改修 三']) {
      projectIds.push(
        await f.publishedProject(interStaff, scene.regionStaff, scene.regionId, {
          title,
          requiredSkills: [{ skillId: skill, requirement: 'NICE', minLevel: 2, weight: 3 }],
        }),
      );
    }
    projectIds.push(
      await f.publishedProject(interStaff, scene.regionStaff, scene.regionId, {
        title: '棚田の石垣修復',
        mode: 'ONSITE',
        requiredSkills: [{ skillId: skill, requirement: 'MUST', minLevel: 3, weight: 5 }],
      }),
      await f.publishedProject(interStaff, scene.regionStaff, scene.regionId, {
        title: '移住相談会の運営',
        themeCode: 'learning',
      }),
    );
    participants = [];
    for (const [label, level, theme] of [
      ['twin-a', 3, 'work'],
      ['twin-b', 3, 'work'],
      ['single', 5, 'work'],
      ['learner', 1, 'learning'],
    ] as const) {
      const person = await f.signUp(label);
      expectData(
        await f.saveProfile(person, {
          kind: 'PRO_BONO',
          homeMunicipalityCode: '131130',
          travelRangeKm: 500,
          themeCodes: [theme],
          skills: [{ skillId: skill, level }],
        }),
      );
      participants.push(person);
    }
    // Only the runs' own work here: no per-change re-scores.
    await platform.dataSource.query(`DELETE FROM outbox_message`);
  });

  afterAll(() => platform.close());

  it('answers exactly what the explained engine gives, ties in id order, page by page', async () => {
    await runAll();
    const { projectsOf, candidatesOf } = await expected();
    let ties = 0;
    for (const person of participants) {
      const answered = await recommended(person);
      expect(answered).toEqual(asAnswered(projectsOf.get(person.id)!, 'projectId'));
      expect(answered.length).toBeGreaterThan(0);
      for (let i = 1; i < answered.length; i++) {
        if (answered[i].score !== answered[i - 1].score) continue;
        ties++;
        expect(answered[i].id > answered[i - 1].id).toBe(true);
      }
    }
    expect(ties).toBeGreaterThanOrEqual(2);
    for (const projectId of projectIds) {
      expect(await candidates(projectId)).toEqual(
        asAnswered(candidatesOf.get(projectId)!, 'participantId'),
      );
    }
    // The twins tie on every alike project: equal scores, the lower id first.
    const twins = participants.slice(0, 2).map((p) => p.id);
    for (const projectId of projectIds.slice(0, 3)) {
      const listed = await candidates(projectId);
      const places = twins.map((id) => listed.findIndex((c: any) => c.id === id));
      expect(listed[places[0]].score).toBe(listed[places[1]].score);
      expect(listed[Math.min(...places)].id).toBe([...twins].sort()[0]);
    }
    // One row per subject, the arrays in rank order.
    const [row] = await platform.dataSource.query(
      `SELECT project_ids::text[] AS ids, scores FROM participant_recommendation_list
       WHERE participant_id = $1`,
      [participants[2].id],
    );
    expect(row.ids).toEqual(projectsOf.get(participants[2].id)!.map((m) => m.projectId));
    expect(row.scores).toEqual(projectsOf.get(participants[2].id)!.map((m) => m.score));
  });

  // Before the migration test, which drops and recreates the list tables (without these indexes).
  it('finds the lists holding a subject through the GIN index on the ids, not a table scan', async () => {
    const runner = platform.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      // The test tables are tiny, so the planner would scan them anyway: forbid that, and a query
      // the index cannot serve still shows a sequential scan.
      await runner.query('SET LOCAL enable_seqscan = off');
      for (const [side, id] of [
        [LIST_TABLES[ScoringSubjectKind.PARTICIPANT], participants[0].id],
        [LIST_TABLES[ScoringSubjectKind.PROJECT], participants[0].id],
      ] as const) {
        const plan = (await runner.query(`EXPLAIN ${holdersQuery(side)}`, [id]))
          .map((r: any) => r['QUERY PLAN'])
          .join('\n');
        expect(plan).toContain(`Bitmap Index Scan on ${side.table}_${side.items}_idx`);
        expect(plan).not.toContain('Seq Scan');
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('moves lists to rows and back without changing them (the migration)', async () => {
    const before = await lists(platform.dataSource);
    expect(before.length).toBeGreaterThan(4);
    const migration = new RecommendationLists1795860000000();
    const runner = platform.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await migration.down(runner);
      const rows = await runner.query(
        `SELECT participant_id, project_id, rank, score FROM participant_recommendation
         ORDER BY participant_id, rank`,
      );
      const entries = before
        .filter((l: any) => l.side === 'p')
        .flatMap((l: any) =>
          l.ids.map((id: string, i: number) => ({
            participant_id: l.owner,
            project_id: id,
            rank: i + 1,
            score: l.scores[i],
          })),
        );
      expect(rows).toEqual(entries);
      // A row written by the old code in between (rank order, not insertion order, decides).
      await runner.query(
        `UPDATE participant_recommendation SET rank = 100 - rank WHERE participant_id = $1`,
        [participants[2].id],
      );
      await migration.up(runner);
      const after = await runner.query(
        `SELECT project_ids::text[] AS ids FROM participant_recommendation_list
         WHERE participant_id = $1`,
        [participants[2].id],
      );
      const original = before.find((l: any) => l.owner === participants[2].id);
      expect(after[0].ids).toEqual([...original.ids].reverse());
      await runner.query(
        `UPDATE participant_recommendation_list SET project_ids = $2, scores = $3
         WHERE participant_id = $1`,
        [participants[2].id, original.ids, original.scores],
      );
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await lists(platform.dataSource)).toEqual(before);
  });

  it('writes each chunk exactly once, however many passes and workers race for it', async () => {
    const runs = platform.api.get(ScoringRunService);
    const runId = expectData(await platform.gql(START, { reason: 'race' }, admin.token))
      .startFullRescore.id as string;
    await runs.plan(runId);
    const computedAt = () =>
      platform.dataSource.query(
        `SELECT participant_id, computed_at FROM participant_recommendation_list ORDER BY 1`,
      );
    const before = await computedAt();
    // More passes at once than the pool has connections, all for chunk 0.
    const outcomes = await Promise.all(Array.from({ length: 14 }, () => runs.runChunk(runId, 0)));
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    const [chunk0] = await platform.dataSource.query(
      `SELECT subject_ids[1] AS id FROM scoring_run_chunk WHERE run_id = $1 AND chunk = 0`,
      [runId],
    );
    const changed = (await computedAt()).filter(
      (r: any, i: number) => r.computed_at.getTime() !== before[i].computed_at.getTime(),
    );
    expect(changed.map((r: any) => r.participant_id)).toEqual([chunk0.id]);

    // Two workers take the rest from the queue (the run's outbox row reaches them now).
    const outcomesOf = (worker: INestApplicationContext) => {
      const seen: Array<{ chunk: number; outcome: string }> = [];
      const service = worker.get(ScoringRunService);
      const original = service.runChunk.bind(service);
      jest.spyOn(service, 'runChunk').mockImplementation(async (id, chunk) => {
        const outcome = await original(id, chunk);
        if (id === runId) seen.push({ chunk, outcome });
        return outcome;
      });
      return seen;
    };
    // Both wait on a paused queue, so neither has taken everything before the other is up.
    const queue = platform.api.get(QueueService).queue('scoring');
    await queue.pause();
    const second = await createWorkerApp({ logger: ['error'] });
    try {
      const seenBySecond = outcomesOf(second);
      const seenByFirst = outcomesOf(await platform.startWorker());
      await queue.resume();
      const run = await eventually(async () => {
        const [r] = await platform.dataSource.query(
          'SELECT status, chunks_total, chunks_done FROM scoring_run WHERE id = $1',
          [runId],
        );
        return r.status !== 'RUNNING' && r;
      });
      expect(run).toMatchObject({ status: 'DONE', chunks_done: run.chunks_total });
      const done = [...seenByFirst, ...seenBySecond]
        .filter((s) => s.outcome === 'done')
        .map((s) => s.chunk)
        .sort((a, b) => a - b);
      // No chunk twice, and chunk 0 never again (a spy may miss a chunk taken at start-up).
      expect(new Set(done).size).toBe(done.length);
      expect(done).not.toContain(0);
      // Both workers wrote chunks (a 'skipped' outcome alone would not show that).
      expect(seenByFirst.filter((s) => s.outcome === 'done').length).toBeGreaterThan(0);
      expect(seenBySecond.filter((s) => s.outcome === 'done').length).toBeGreaterThan(0);
      // And a chunk delivered again later is skipped.
      expect(await second.get(ScoringRunService).runChunk(runId, 1)).toBe('skipped');
    } finally {
      await second.close();
    }
    const { projectsOf } = await expected();
    for (const person of participants) {
      expect(await recommended(person)).toEqual(
        asAnswered(projectsOf.get(person.id)!, 'projectId'),
      );
    }
  });
});
