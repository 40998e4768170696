import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig, QUEUE_NAMES } from '@tsunagu/core';
import { type MatchingWeights, type ParticipantFacts, type RankedMatch } from '@tsunagu/matching';
import {
  MatchingFactsLoader,
  ParticipantEngine,
  ProjectEngine,
  type ScoredProjectFacts,
  ScoringRunService,
  weightsResolver,
} from '@tsunagu/scoring';
import { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CliModule } from '../cli.module';
import { startLocalStack } from '../local-stack/local-stack';
import { migrateDatabase } from '../migrations';
import { DATA_DIR } from '../local-services';
import { seedSynthetic } from '../synthetic/synthetic-seeder';
import { DEFAULT_AS_OF, DEFAULT_SEED } from '../synthetic/seed-options';
import { median, parseWholeNumberFlags, runFromCommandLine } from './bench-args';
import { cpuSecondsOf, phaseOrder } from './rescore-bench-phases';

// npm run bench:rescore -- [--participants N] [--projects M] [--max-workers W] [--k K] [--runs R]
//
// On a synthetic data set (seeded once per size into .data/bench-rescore/<N>x<M>, reused after),
// times the in-memory engine (index builds and every participant's top K projects and every
// project's top K candidates) and then a full re-score through 1..W worker processes (the
// production worker, started as separate processes; from the run's start to its DONE, storing
// every list). Each phase records its wall-clock time and its CPU time (the engine's
// process.cpuUsage; the workers' utime + stime from /proc/<pid>/stat, summed over the processes;
// PostgreSQL's own CPU is in neither), and the 1-minute load average after it. With --runs R the
// phases run R times in alternating order and medians are reported. Checks every stored list
// against the engine's (ids, order, scores), and reports the lists' size on disk and each worker's
// peak RSS. Prints a table, then one JSON line.

const USAGE =
  'bench:rescore [--participants N] [--projects M] [--max-workers W] [--k K] [--seed S] [--runs R]';

interface Options {
  participants: number;
  projects: number;
  maxWorkers: number;
  k: number;
  seed: number;
  runs: number;
}

// One timed phase: wall-clock and CPU seconds, and the 1-minute load average at its end (the
// machine is shared).
interface Timing {
  wallMs: number;
  cpuMs: number;
  load: number;
}

interface WorkerRun extends Timing {
  workers: number;
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
      runs: { flag: 'runs', min: 1 },
    },
    {
      participants: 100_000,
      projects: 10_000,
      maxWorkers: 2,
      k: 20,
      seed: DEFAULT_SEED,
      runs: 1,
    },
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
): { ms: number; cpuMs: number; participantLists: Lists; projectLists: Lists } {
  const toList = (ranked: RankedMatch[], other: 'projectId' | 'participantId') => ({
    ids: ranked.map((m) => m[other]),
    scores: ranked.map((m) => m.score),
  });
  const participantLists: Lists = new Map();
  const projectLists: Lists = new Map();
  const cpu = process.cpuUsage();
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
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, participantLists, projectLists };
}

// Every stored list, read a page of 10,000 at a time in key order: at full size one statement
// for all 100,000 lists ran past the statement timeout (30 s) on a loaded machine.
async function storedLists(db: DataSource): Promise<{ participants: Lists; projects: Lists }> {
  type Row = { id: string; ids: string[]; scores: number[] };
  const PAGE = 10_000;
  const read = async (table: string, key: string, ids: string) => {
    const lists: Lists = new Map();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await db.query<Row[]>(
        `SELECT ${key} AS id, ${ids} AS ids, scores FROM ${table}
          WHERE ${key} > $1 ORDER BY ${key} LIMIT ${PAGE}`,
        [after],
      );
      for (const r of rows) lists.set(r.id, { ids: r.ids, scores: r.scores });
      if (rows.length < PAGE) return lists;
      after = rows[rows.length - 1].id;
    }
  };
  return {
    participants: await read('participant_recommendation_list', 'participant_id', 'project_ids'),
    projects: await read('project_candidate_list', 'project_id', 'participant_ids'),
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
  runs: ScoringRunService,
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
    const cpuBefore = workers.map((w) => cpuSecondsOf(w.pid!));
    const started = performance.now();
    // As an admin's request starts one: the run and its outbox message in one transaction.
    const { id: runId } = await db.transaction((m) => runs.start(m, 'bench:rescore', null));
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
    const wallMs = performance.now() - started;
    const cpuMs =
      workers.reduce((sum, w, i) => sum + cpuSecondsOf(w.pid!) - cpuBefore[i], 0) * 1000;
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
      wallMs,
      cpuMs,
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

// Seeds the data set once; a later run with the same size and seed reuses it. A database holding
// other counts (an interrupted seeding, a directory copied from elsewhere) is refused, not timed.
async function prepareData(db: DataSource, options: Options): Promise<void> {
  const [{ participants, projects }] = await db.query<
    Array<{ participants: number; projects: number }>
  >(
    `SELECT (SELECT count(*)::int FROM participant_profile) AS participants,
            (SELECT count(*)::int FROM project) AS projects`,
  );
  if (participants === options.participants && projects === options.projects) {
    log(`reusing the data set (${participants.toLocaleString('en')} participants)`);
    return;
  }
  if (participants > 0 || projects > 0) {
    throw new Error(
      `the database holds ${participants} participants and ${projects} projects, not ` +
        `${options.participants} and ${options.projects}: remove its directory and run again`,
    );
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

const seconds = (ms: number) => round(ms / 1000, 2);

// Medians over the rounds of one phase's timings.
function medianTiming(timings: readonly Timing[]) {
  return {
    wall_s: seconds(median(timings.map((t) => t.wallMs))),
    cpu_s: seconds(median(timings.map((t) => t.cpuMs))),
    load: round(median(timings.map((t) => t.load)), 1),
    // Each round's, in the order run.
    wall_runs_s: timings.map((t) => seconds(t.wallMs)),
    cpu_runs_s: timings.map((t) => seconds(t.cpuMs)),
    loads: timings.map((t) => t.load),
  };
}

function summarize(options: Options, engine: Timing[], byWorkers: Map<number, WorkerRun[]>) {
  const engineMedian = medianTiming(engine);
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null);
  const workers = Object.fromEntries(
    [...byWorkers].map(([count, runs]) => {
      const m = medianTiming(runs);
      return [
        count,
        {
          ...m,
          // Medians over medians: the wall-clock ratio mostly measures the load on a busy
          // machine; the CPU ratio is the one that compares the work done.
          wall_ratio: ratio(m.wall_s, engineMedian.wall_s),
          cpu_ratio: ratio(m.cpu_s, engineMedian.cpu_s),
          chunks: runs[0].chunks,
          stored_mb: runs[runs.length - 1].storedMb,
          worker_peak_rss_mb: Math.max(...runs.flatMap((r) => r.peakRssMb)),
          lists_identical: runs.every((r) => r.listsIdentical),
        },
      ];
    }),
  );
  const all = [...byWorkers.values()].flat();
  return {
    participants: options.participants,
    projects: options.projects,
    k: options.k,
    runs: options.runs,
    engine: engineMedian,
    workers,
    stored_mb: all[all.length - 1].storedMb,
    worker_peak_rss_mb: Math.max(...all.flatMap((r) => r.peakRssMb)),
    lists_identical: all.every((r) => r.listsIdentical),
  };
}

function printTable(result: ReturnType<typeof summarize>): void {
  const row = (label: string, value: string) => console.log(`  ${label.padEnd(36)} ${value}`);
  console.log(
    `re-score benchmark: ${result.participants.toLocaleString('en')} participants × ` +
      `${result.projects.toLocaleString('en')} projects, top ${result.k}, ` +
      `median of ${result.runs} run(s) (1-minute load average after the phase in brackets)`,
  );
  const e = result.engine;
  row('in-memory engine (both sides)', `${e.wall_s} s wall, ${e.cpu_s} s CPU  [${e.load}]`);
  for (const [count, w] of Object.entries(result.workers)) {
    row(
      `through ${count} worker process${Number(count) > 1 ? 'es' : ''} (${w.chunks} chunks)`,
      `${w.wall_s} s wall (${w.wall_ratio}×), ${w.cpu_s} s CPU (${w.cpu_ratio}×) the engine's; ` +
        `peak RSS ${w.worker_peak_rss_mb} MB; stored ${w.stored_mb} MB; ` +
        `lists identical: ${w.lists_identical}  [${w.load}]`,
    );
  }
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
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    RECOMMENDATIONS_TOP_K: String(options.k),
    LOG_LEVEL: 'error',
  };
  let ctx: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | undefined;
  try {
    await migrateDatabase(stack.databaseUrl);
    // The production services (weights, starting a run) on this process's own connection; no
    // worker runs in it, the outbox is relayed by the worker processes.
    Object.assign(process.env, env);
    loadConfig();
    ctx = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
    const db = ctx.get(DataSource);
    const scoringRuns = ctx.get(ScoringRunService);
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
      weightsResolver(db.manager),
    ]);

    const engineTimings: Timing[] = [];
    const byWorkers = new Map<number, WorkerRun[]>(
      Array.from({ length: options.maxWorkers }, (_, i) => [i + 1, []]),
    );
    // The first round starts with the engine: its lists are what the stored ones must equal.
    let lists: { participantLists: Lists; projectLists: Lists } | undefined;
    for (let r = 0; r < options.runs; r++) {
      for (const phase of phaseOrder(r, options.maxWorkers)) {
        if (phase === 'engine') {
          log(`round ${r + 1}: in-memory engine…`);
          const engine = runEngine(participants, projects, weightsOf, options.k);
          lists ??= engine;
          const timing = { wallMs: engine.ms, cpuMs: engine.cpuMs, load: round(loadavg()[0], 1) };
          engineTimings.push(timing);
          log(
            `  ${seconds(timing.wallMs)} s wall, ${seconds(timing.cpuMs)} s CPU (load ${timing.load})`,
          );
          continue;
        }
        log(`round ${r + 1}: full re-score through ${phase} worker process(es)…`);
        const run = await runThroughWorkers(db, scoringRuns, phase, env, lists!);
        log(
          `  ${seconds(run.wallMs)} s wall, ${seconds(run.cpuMs)} s CPU, ` +
            `peak RSS ${run.peakRssMb.join(' / ')} MB (load ${run.load})`,
        );
        byWorkers.get(phase)!.push(run);
      }
    }
    const result = summarize(options, engineTimings, byWorkers);
    printTable(result);
    console.log(JSON.stringify(result));
    return result;
  } finally {
    if (ctx) await ctx.close();
    await stack.stop();
  }
}

if (require.main === module) runFromCommandLine(parseRescoreBenchArgs, runRescoreBench);
