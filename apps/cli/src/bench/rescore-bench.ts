import 'reflect-metadata';
import { dataSourceOptions, QUEUE_NAMES } from '@tsunagu/core';
import {
  DEFAULT_WEIGHTS,
  type MatchingWeights,
  type ParticipantFacts,
  type RankedMatch,
} from '@tsunagu/matching';
import {
  MatchingFactsLoader,
  ParticipantEngine,
  ProgramWeights,
  ProjectEngine,
  type ScoredProjectFacts,
  toMatchingWeights,
} from '@tsunagu/scoring';
import { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startLocalStack } from '../local-stack/local-stack';
import { migrateDatabase } from '../migrations';
import { DATA_DIR } from '../local-services';
import { seedSynthetic } from '../synthetic/synthetic-seeder';
import { DEFAULT_AS_OF, DEFAULT_SEED } from '../synthetic/seed-options';
import { BenchOptionsError, parseWholeNumberFlags } from './bench-args';

// npm run bench:rescore -- [--participants N] [--projects M] [--max-workers W] [--k K]
//
// On a synthetic data set (seeded once per size into .data/bench-rescore/<N>x<M>, reused after),
// times the in-memory engine (index builds and every participant's top K projects and every
// project's top K candidates) and then a full re-score through 1..W worker processes (the
// production worker, started as separate processes; from the run's start to its DONE, storing
// every list). Checks every stored list against the engine's (ids, order, scores), and reports
// the lists' size on disk and each worker's peak RSS. Prints a table, then one JSON line.

const USAGE =
  'bench:rescore [--participants N] [--projects M] [--max-workers W] [--k K] [--seed S]';

interface Options {
  participants: number;
  projects: number;
  maxWorkers: number;
  k: number;
  seed: number;
}

interface WorkerRun {
  workers: number;
  // The 1-minute load average at the end (the machine is shared).
  load: number;
  rescoreMs: number;
  storedMb: number;
  peakRssMb: number[];
  listsIdentical: boolean;
  chunks: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1048576, 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function parseRescoreBenchArgs(args: readonly string[]): Options {
  return parseWholeNumberFlags(
    args,
    {
      participants: { flag: 'participants', min: 1 },
      projects: { flag: 'projects', min: 1 },
      maxWorkers: { flag: 'max-workers', min: 1 },
      k: { flag: 'k', min: 1 },
      seed: { flag: 'seed', min: 0 },
    },
    { participants: 100_000, projects: 10_000, maxWorkers: 2, k: 20, seed: DEFAULT_SEED },
    USAGE,
  );
}

// A list as stored, or as the engine ranks it: other ids and scores, best first.
type Lists = Map<string, { ids: string[]; scores: number[] }>;

// The engine alone, on facts already in memory: what a full re-score computes, nothing stored.
function runEngine(
  participants: readonly ParticipantFacts[],
  projects: readonly ScoredProjectFacts[],
  weightsOf: (p: ScoredProjectFacts) => MatchingWeights,
  k: number,
): { ms: number; participantLists: Lists; projectLists: Lists } {
  const toList = (ranked: RankedMatch[], other: 'projectId' | 'participantId') => ({
    ids: ranked.map((m) => m[other]),
    scores: ranked.map((m) => m.score),
  });
  const participantLists: Lists = new Map();
  const projectLists: Lists = new Map();
  const started = performance.now();
  const projectEngine = new ProjectEngine(new Map(projects.map((p) => [p.id, p])), weightsOf);
  for (const participant of participants) {
    const ranked = projectEngine.rankProjects(participant, k);
    if (ranked.length) participantLists.set(participant.id, toList(ranked, 'projectId'));
  }
  const participantEngine = new ParticipantEngine(participants);
  for (const project of projects) {
    const ranked = participantEngine.rankCandidates(project, weightsOf(project), k);
    if (ranked.length) projectLists.set(project.id, toList(ranked, 'participantId'));
  }
  return { ms: performance.now() - started, participantLists, projectLists };
}

async function storedLists(db: DataSource): Promise<{ participants: Lists; projects: Lists }> {
  const read = async (sql: string) =>
    new Map(
      (await db.query<Array<{ id: string; ids: string[]; scores: number[] }>>(sql)).map((r) => [
        r.id,
        { ids: r.ids, scores: r.scores },
      ]),
    );
  return {
    participants: await read(
      'SELECT participant_id AS id, project_ids AS ids, scores FROM participant_recommendation_list',
    ),
    projects: await read(
      'SELECT project_id AS id, participant_ids AS ids, scores FROM project_candidate_list',
    ),
  };
}

function sameLists(a: Lists, b: Lists): boolean {
  if (a.size !== b.size) return false;
  for (const [id, list] of a) {
    const other = b.get(id);
    if (!other || other.ids.length !== list.ids.length) return false;
    for (let i = 0; i < list.ids.length; i++) {
      if (other.ids[i] !== list.ids[i] || other.scores[i] !== list.scores[i]) return false;
    }
  }
  return true;
}

// The latest weights of each program (raw SQL: this process has no entity metadata).
async function weightsResolverOf(
  db: DataSource,
): Promise<(p: ScoredProjectFacts) => MatchingWeights> {
  const rows = await db.query<
    Array<{ program_id: string; version: number; weights: Record<string, number> }>
  >(
    `SELECT DISTINCT ON (program_id) program_id, version, weights FROM program_weights
     ORDER BY program_id, version DESC`,
  );
  const byProgram = new Map(
    rows.map((r) => [
      r.program_id,
      toMatchingWeights(
        Object.assign(new ProgramWeights(), {
          programId: r.program_id,
          version: r.version,
          weights: r.weights,
        }),
      ),
    ]),
  );
  return (p) => (p.programId && byProgram.get(p.programId)) || DEFAULT_WEIGHTS;
}

// Peak resident set (VmHWM) of a live process, in MB.
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 0);
}

// Worker processes as production runs them (node dist/apps/worker/src/main.js).
function startWorkers(count: number, env: NodeJS.ProcessEnv): ChildProcess[] {
  const main = join(__dirname, '../../../worker/src/main.js');
  return Array.from({ length: count }, () => {
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) =>
      log(`  [worker ${child.pid}] ${chunk.toString()}`.trimEnd()),
    );
    return child;
  });
}

const exited = (w: ChildProcess) => w.exitCode !== null || w.signalCode !== null;

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (exited(w)) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
        }),
    ),
  );
}

async function runThroughWorkers(
  db: DataSource,
  count: number,
  env: NodeJS.ProcessEnv,
  engine: { participantLists: Lists; projectLists: Lists },
): Promise<WorkerRun> {
  const prefix = `bench-rescore-${randomBytes(4).toString('hex')}`;
  const scoring = new Queue('scoring', {
    connection: { url: env.REDIS_URL },
    prefix,
  });
  const workers = startWorkers(count, { ...env, QUEUE_PREFIX: prefix });
  try {
    // Ready once each process listens on the scoring queue.
    while ((await scoring.getWorkersCount()) < count) {
      if (workers.some(exited)) throw new Error('a worker exited at start');
      await sleep(200);
    }
    await db.query('TRUNCATE participant_recommendation_list, project_candidate_list');
    await db.query('VACUUM participant_recommendation_list, project_candidate_list');
    const started = performance.now();
    const [{ id: runId }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO scoring_run (status, reason) VALUES ('RUNNING', 'bench:rescore') RETURNING id`,
    );
    await db.query(
      `INSERT INTO outbox_message (job_name, payload, job_id) VALUES ('score.all', $1, $2)`,
      [JSON.stringify({ runId }), `score-all-${runId}`],
    );
    let run: { status: string; chunks_total: number; chunks_done: number };
    for (;;) {
      [run] = await db.query(
        'SELECT status, chunks_total, chunks_done FROM scoring_run WHERE id = $1',
        [runId],
      );
      if (run.status !== 'RUNNING') break;
      if (workers.some(exited)) throw new Error('a worker exited mid-run');
      await sleep(100);
    }
    const rescoreMs = performance.now() - started;
    if (run.status !== 'DONE') throw new Error(`the run ended ${run.status}`);
    const rss = workers.map((w) => peakRssMb(w.pid!));
    const [{ bytes }] = await db.query<Array<{ bytes: string }>>(
      `SELECT pg_total_relation_size('participant_recommendation_list')
            + pg_total_relation_size('project_candidate_list') AS bytes`,
    );
    const stored = await storedLists(db);
    return {
      workers: count,
      load: round(loadavg()[0], 1),
      rescoreMs,
      storedMb: mb(Number(bytes)),
      peakRssMb: rss,
      listsIdentical:
        sameLists(stored.participants, engine.participantLists) &&
        sameLists(stored.projects, engine.projectLists),
      chunks: run.chunks_total,
    };
  } finally {
    await stopWorkers(workers);
    // Nothing of the run is left in Redis.
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, { connection: { url: env.REDIS_URL }, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await scoring.close();
  }
}

// Seeds the data set once; a later run with the same size and seed reuses it.
async function prepareData(db: DataSource, options: Options): Promise<void> {
  const [{ n }] = await db.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM participant_profile`,
  );
  if (n > 0) {
    log(`reusing the data set (${n.toLocaleString('en')} participants)`);
    return;
  }
  log('seeding the synthetic data set (once for this size)…');
  await seedSynthetic(
    db,
    {
      participants: options.participants,
      projects: options.projects,
      seed: options.seed,
      asOf: DEFAULT_AS_OF,
    },
    (line) => log(`  [synthetic] ${line}`),
  );
}

function printTable(result: ReturnType<typeof summarize>, runs: WorkerRun[]): void {
  const row = (label: string, value: string) => console.log(`  ${label.padEnd(36)} ${value}`);
  console.log(
    `re-score benchmark: ${result.participants.toLocaleString('en')} participants × ` +
      `${result.projects.toLocaleString('en')} projects, top ${result.k} ` +
      `(1-minute load average after each phase in brackets)`,
  );
  row('in-memory engine (both sides)', `${result.engine_s} s  [${result.engine_load}]`);
  for (const r of runs) {
    row(
      `through ${r.workers} worker process${r.workers > 1 ? 'es' : ''} (${r.chunks} chunks)`,
      `${round(r.rescoreMs / 1000, 2)} s  = ${round(r.rescoreMs / result.engine_s / 1000, 2)}× ` +
        `the engine; peak RSS ${r.peakRssMb.join(' / ')} MB; stored ${r.storedMb} MB; ` +
        `lists identical: ${r.listsIdentical}  [${r.load}]`,
    );
  }
}

function summarize(options: Options, engineMs: number, runs: WorkerRun[], load: number) {
  const last = runs[runs.length - 1];
  return {
    participants: options.participants,
    projects: options.projects,
    k: options.k,
    engine_load: load,
    engine_s: round(engineMs / 1000, 2),
    // The run with the most worker processes; each count's own numbers below.
    rescore_s: round(last.rescoreMs / 1000, 2),
    ratio: round(last.rescoreMs / engineMs, 2),
    stored_mb: last.storedMb,
    worker_peak_rss_mb: Math.max(...runs.flatMap((r) => r.peakRssMb)),
    lists_identical: runs.every((r) => r.listsIdentical),
    workers: Object.fromEntries(
      runs.map((r) => [
        r.workers,
        {
          rescore_s: round(r.rescoreMs / 1000, 2),
          ratio: round(r.rescoreMs / engineMs, 2),
          stored_mb: r.storedMb,
          worker_peak_rss_mb: Math.max(...r.peakRssMb),
          lists_identical: r.listsIdentical,
          load: r.load,
        },
      ]),
    ),
  };
}

export async function runRescoreBench(options: Options) {
  const dataDir = join(
    DATA_DIR,
    'bench-rescore',
    `${options.participants}x${options.projects}-seed${options.seed}`,
  );
  const stack = await startLocalStack({
    dataDir,
    persistent: true,
    log: () => undefined,
    mail: false,
  });
  const db = new DataSource(dataSourceOptions(stack.databaseUrl));
  try {
    await migrateDatabase(stack.databaseUrl);
    await db.initialize();
    await prepareData(db, options);
    log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );

    log('loading the facts for the in-memory engine…');
    const facts = new MatchingFactsLoader(db);
    const [participants, projects, weightsOf] = await Promise.all([
      facts.participants(),
      facts.publishedProjects(),
      weightsResolverOf(db),
    ]);
    const engine = runEngine(participants, projects, weightsOf, options.k);
    const load = round(loadavg()[0], 1);
    log(`engine: ${round(engine.ms / 1000, 2)} s (load ${load})`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
      RECOMMENDATIONS_TOP_K: String(options.k),
      LOG_LEVEL: 'error',
    };
    const runs: WorkerRun[] = [];
    for (let count = 1; count <= options.maxWorkers; count++) {
      log(`full re-score through ${count} worker process(es)…`);
      const run = await runThroughWorkers(db, count, env, engine);
      log(`  ${round(run.rescoreMs / 1000, 2)} s, peak RSS ${run.peakRssMb.join(' / ')} MB`);
      runs.push(run);
    }
    const result = summarize(options, engine.ms, runs, load);
    printTable(result, runs);
    console.log(JSON.stringify(result));
    return result;
  } finally {
    if (db.isInitialized) await db.destroy();
    await stack.stop();
  }
}

if (require.main === module) {
  let options: Options;
  try {
    options = parseRescoreBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchOptionsError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  runRescoreBench(options).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
