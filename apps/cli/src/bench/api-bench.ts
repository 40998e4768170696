import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@tsunagu/core';
import { ScoringRunService } from '@tsunagu/scoring';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CliModule } from '../cli.module';
import { freePort } from '../local-stack/free-port';
import { startLocalStack } from '../local-stack/local-stack';
import { DATA_DIR } from '../local-services';
import { migrateDatabase } from '../migrations';
import { seedSynthetic } from '../synthetic/synthetic-seeder';
import { DEFAULT_AS_OF } from '../synthetic/seed-options';
import {
  type ApiBenchOptions,
  type ApiBenchSide,
  jsonDifference,
  parseApiBenchArgs,
  ratios,
  sideOrder,
} from './api-bench-options';
import {
  API_BENCH_OPERATIONS,
  type ApiBenchOperation,
  type BenchSubjects,
} from './api-bench-operations';
import { median, runFromCommandLine } from './bench-args';
import { cpuSecondsOf } from './rescore-bench-phases';

// npm run bench:api -- [--participants N] [--projects M] [--runs R] [--connections C]
//                      [--duration S] [--first K]
//
// The API as production runs it (node dist/apps/api/src/main.js, a process of its own) against a
// bare Node HTTP server (node:http + pg, api-bench-baseline.ts, a process of its own) that runs the
// same SQL and answers the same JSON, for four operations through POST /graphql with a signed-in
// user's token: recommendedProjects (a participant), recommendedCandidates (a region's staff
// member), a Japanese text search of projects (the same participant) and me. On a synthetic data
// set (seeded once per size into .data/bench-api/<N>x<M>-seed<S> with its lists stored by one full
// re-score through the worker; DATABASE_URL and REDIS_URL reuse a seeded database instead), each
// operation's answers are compared once (same `data`), then each server is driven with autocannon
// at a fixed number of connections for --duration seconds, the two in turns whose order alternates
// between runs. Medians over the runs of p50 latency and requests per second, and their ratios.
// Prints a table, then one JSON line.

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Seeds the data set once (and stores everyone's lists through one full re-score by a worker);
// a later run with the same size reuses it. A database with other counts is refused. Shared with
// bench:screens, which seeds with a year of activity.
export async function prepareData(
  db: DataSource,
  runs: ScoringRunService,
  options: Pick<ApiBenchOptions, 'participants' | 'projects' | 'seed'> & { activity?: boolean },
  env: NodeJS.ProcessEnv,
  given: boolean,
): Promise<void> {
  const [{ participants, projects, lists }] = await db.query<
    Array<{ participants: number; projects: number; lists: number }>
  >(
    `SELECT (SELECT count(*)::int FROM participant_profile) AS participants,
            (SELECT count(*)::int FROM project) AS projects,
            (SELECT count(*)::int FROM participant_recommendation_list) AS lists`,
  );
  if (given && participants > 0) {
    log(`using the given database (${participants} participants, ${projects} projects)`);
  } else if (participants === options.participants && projects === options.projects) {
    log(`reusing the data set (${participants.toLocaleString('en')} participants)`);
  } else if (participants > 0 || projects > 0) {
    throw new Error(
      `the database holds ${participants} participants and ${projects} projects, not ` +
        `${options.participants} and ${options.projects}: remove its directory and run again`,
    );
  } else {
    log('seeding the synthetic data set (once for this size)…');
    await seedSynthetic(
      db,
      {
        participants: options.participants,
        projects: options.projects,
        seed: options.seed,
        asOf: DEFAULT_AS_OF,
        activity: options.activity ?? false,
      },
      (line) => log(`  [synthetic] ${line}`),
    );
  }
  if (lists > 0) return;
  log('storing everyone’s lists: one full re-score through a worker…');
  const worker = startChild(join(__dirname, '../../../worker/src/main.js'), env, 'worker');
  try {
    const { id } = await db.transaction((m) => runs.start(m, 'bench:api', null));
    for (;;) {
      const [run] = await db.query<
        Array<{ status: string; chunks_done: number; chunks_total: number }>
      >('SELECT status, chunks_done, chunks_total FROM scoring_run WHERE id = $1', [id]);
      if (run.status !== 'RUNNING') {
        if (run.status !== 'DONE') throw new Error(`the re-score ended ${run.status}`);
        break;
      }
      if (exited(worker)) throw new Error('the worker exited');
      await sleep(1000);
    }
  } finally {
    await stopChild(worker);
  }
}

export function startChild(
  main: string,
  env: NodeJS.ProcessEnv,
  name: string,
  args: string[] = [],
) {
  const child = spawn(process.execPath, [...args, main], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => log(`  [${name}] ${chunk.toString().trimEnd()}`));
  return child;
}

export const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (exited(child)) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Waits until the server answers its health check (the baseline answers anything).
export async function ready(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited(child)) throw new Error(`${url}: the server exited at start`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}: not ready after 3 minutes`);
    await sleep(250);
  }
}

// The users and ids the operations are run for: a participant with a stored list, and a staff
// member of the region of a project with stored candidates whose profiles that staff member sees.
async function pickSubjects(db: DataSource): Promise<BenchSubjects> {
  const [participant] = await db.query<Array<{ id: string }>>(
    `SELECT l.participant_id AS id FROM participant_recommendation_list l
      WHERE cardinality(l.project_ids) >= 20 ORDER BY l.participant_id LIMIT 1`,
  );
  const [staff] = await db.query<Array<{ user_id: string; project_id: string }>>(
    `SELECT m.user_id, l.project_id FROM project_candidate_list l
       JOIN project p ON p.id = l.project_id
       JOIN membership m ON m.organization_id = p.region_organization_id
      WHERE cardinality(l.participant_ids) >= 20
      ORDER BY l.project_id, m.user_id LIMIT 1`,
  );
  if (!participant || !staff) throw new Error('no stored lists to read: is the data set seeded?');
  return {
    participantId: participant.id,
    staffId: staff.user_id,
    projectId: staff.project_id,
    searchText: '空き家',
  };
}

interface Measure {
  p50: number;
  rps: number;
  // The server process's CPU time (user + system) per answered request: what the load on a
  // shared machine disturbs least. PostgreSQL's CPU is in neither server's.
  cpuMs: number;
  errors: number;
  load: number;
}

async function drive(
  url: string,
  pid: number,
  operation: ApiBenchOperation,
  body: string,
  token: string,
  options: ApiBenchOptions,
  seconds: number,
): Promise<Measure> {
  const cpuBefore = cpuSecondsOf(pid);
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections: options.connections,
    duration: seconds,
  });
  const cpuSeconds = cpuSecondsOf(pid) - cpuBefore;
  const errors = result.errors + result.timeouts + result.non2xx;
  if (errors > 0) log(`  ${operation.name}: ${errors} errors or non-2xx answers at ${url}`);
  return {
    p50: result.latency.p50,
    rps: result.requests.average,
    cpuMs: result.requests.total > 0 ? (cpuSeconds * 1000) / result.requests.total : 0,
    errors,
    load: round(loadavg()[0], 1),
  };
}

async function post(url: string, body: string, token: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return response.json();
}

// The production API's environment for a benchmark on a local stack.
export function benchEnv(
  stack: { databaseUrl: string; redisUrl: string },
  queuePrefix: string,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `${queuePrefix}-${randomBytes(4).toString('hex')}`,
    // The servers are driven by one user from one address far above any real rate.
    RATE_LIMIT_USER_POINTS: '1000000000',
    RATE_LIMIT_IP_POINTS: '1000000000',
    LOG_LEVEL: 'error',
  };
}

// A signed access token for a user, as the API issues them.
export function accessTokenFor(secret: string, userId: string): string {
  return new JwtService().sign(
    { sub: userId, typ: 'access' },
    { secret, algorithm: 'HS256', expiresIn: 24 * 3600 },
  );
}

export async function runApiBench(options: ApiBenchOptions) {
  const sqlLog = process.env.BENCH_API_SQL_LOG;
  const given = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  const stack = await startLocalStack({
    dataDir: join(
      DATA_DIR,
      'bench-api',
      `${options.participants}x${options.projects}-seed${options.seed}`,
    ),
    persistent: true,
    // BENCH_API_SQL_LOG=<file>: PostgreSQL's log, with every statement the API sends (how the
    // baseline's SQL was checked against the API's).
    log: sqlLog ? (line) => appendFileSync(sqlLog, line) : () => undefined,
    mail: false,
  });
  const env = benchEnv(stack, 'bench-api');
  const children: ChildProcess[] = [];
  let ctx: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | undefined;
  try {
    await migrateDatabase(stack.databaseUrl);
    Object.assign(process.env, env);
    loadConfig();
    ctx = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
    const db = ctx.get(DataSource);
    await prepareData(db, ctx.get(ScoringRunService), options, env, given);
    const subjects = await pickSubjects(db);
    await ctx.close();
    ctx = undefined;

    const tokenOf = (userId: string) => accessTokenFor(env.JWT_SECRET!, userId);
    const [apiPort, basePort] = [await freePort(), await freePort()];
    // BENCH_API_BEFORE=<dist of an earlier build>: that build's API is driven too, in the same
    // turns, to measure a change side by side.
    const beforeDist = process.env.BENCH_API_BEFORE;
    const withBefore = Boolean(beforeDist);
    const beforePort = await freePort();
    const urls: Record<ApiBenchSide, string> = {
      api: `http://127.0.0.1:${apiPort}`,
      baseline: `http://127.0.0.1:${basePort}`,
      before: `http://127.0.0.1:${beforePort}`,
    };
    const profile = process.env.BENCH_API_CPU_PROF;
    const api = startChild(
      join(__dirname, '../../../api/src/main.js'),
      {
        ...env,
        PORT: String(apiPort),
        ...(sqlLog ? { PGOPTIONS: '-c log_statement=all' } : {}),
      },
      'api',
      profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    );
    children.push(api);
    const baseline = startChild(
      join(__dirname, 'api-bench-baseline.js'),
      { ...env, PORT: String(basePort) },
      'baseline',
    );
    children.push(baseline);
    const before =
      beforeDist &&
      startChild(
        join(beforeDist, 'apps/api/src/main.js'),
        { ...env, PORT: String(beforePort) },
        'before',
      );
    if (before) children.push(before);
    await Promise.all([
      ready(urls.api, api),
      ready(urls.baseline, baseline),
      before && ready(urls.before, before),
    ]);
    const pids: Record<ApiBenchSide, number> = {
      api: api.pid!,
      baseline: baseline.pid!,
      before: before ? before.pid! : 0,
    };

    // Same data from both, once per operation, before any timing.
    const prepared = API_BENCH_OPERATIONS.map((operation) => {
      const body = JSON.stringify(operation.request(subjects, options.first));
      const token = tokenOf(operation.asStaff ? subjects.staffId : subjects.participantId);
      return { operation, body, token };
    });
    const differences: string[] = [];
    for (const { operation, body, token } of prepared) {
      const [fromApi, fromBaseline, fromBefore] = await Promise.all([
        post(urls.api, body, token),
        post(urls.baseline, body, token),
        withBefore ? post(urls.before, body, token) : undefined,
      ]);
      const data = (fromApi as { data?: unknown; errors?: unknown }).data;
      if (!data || (fromApi as { errors?: unknown }).errors) {
        throw new Error(`${operation.name}: the API answered ${JSON.stringify(fromApi)}`);
      }
      const difference = jsonDifference(data, (fromBaseline as { data?: unknown }).data, '$.data');
      const beforeDifference =
        withBefore && jsonDifference(data, (fromBefore as { data?: unknown }).data, '$.data');
      if (difference || beforeDifference) {
        differences.push(
          `${operation.name}: the answers differ at ${difference || `${beforeDifference} (before)`}`,
        );
        continue;
      }
      const size = operation.size(data);
      if (size === 0) throw new Error(`${operation.name}: an empty answer times nothing`);
      log(`${operation.name}: the same answer from both servers (${size} items)`);
    }
    if (differences.length) throw new Error(differences.join('\n'));

    const measures = new Map<string, Record<ApiBenchSide, Measure[]>>(
      API_BENCH_OPERATIONS.map((o) => [o.name, { api: [], baseline: [], before: [] }]),
    );
    // A short warm-up of each, untimed: JIT, pools and PostgreSQL's caches.
    for (const { operation, body, token } of prepared) {
      for (const side of sideOrder(0, withBefore)) {
        await drive(urls[side], pids[side], operation, body, token, options, 2);
      }
    }
    for (let r = 0; r < options.runs; r++) {
      for (const { operation, body, token } of prepared) {
        for (const side of sideOrder(r, withBefore)) {
          const m = await drive(
            urls[side],
            pids[side],
            operation,
            body,
            token,
            options,
            options.duration,
          );
          measures.get(operation.name)![side].push(m);
          log(
            `run ${r + 1} ${operation.name} ${side}: p50 ${m.p50} ms, ${round(m.rps, 0)} req/s, ` +
              `${round(m.cpuMs, 2)} ms CPU per request ` +
              `(load ${m.load})`,
          );
        }
      }
    }
    const result = summarize(options, measures);
    printTable(result, options);
    console.log(JSON.stringify(result));
    return result;
  } finally {
    for (const child of children) await stopChild(child);
    if (ctx) await ctx.close();
    await stack.stop();
  }
}

function summarize(
  options: ApiBenchOptions,
  measures: Map<string, Record<ApiBenchSide, Measure[]>>,
) {
  const result: Record<string, unknown> = {
    participants: options.participants,
    projects: options.projects,
    connections: options.connections,
    duration_s: options.duration,
    runs: options.runs,
  };
  const loads: number[] = [];
  for (const [name, { api, baseline, before }] of measures) {
    const a = { p50: median(api.map((m) => m.p50)), rps: median(api.map((m) => m.rps)) };
    const b = { p50: median(baseline.map((m) => m.p50)), rps: median(baseline.map((m) => m.rps)) };
    const r = ratios(a, b);
    const cpu = {
      api: median(api.map((m) => m.cpuMs)),
      baseline: median(baseline.map((m) => m.cpuMs)),
    };
    Object.assign(result, {
      [`${name}_p50_ms`]: round(a.p50, 2),
      [`${name}_rps`]: round(a.rps, 1),
      [`${name}_baseline_p50_ms`]: round(b.p50, 2),
      [`${name}_baseline_rps`]: round(b.rps, 1),
      [`${name}_latency_ratio`]: r.latency,
      [`${name}_throughput_ratio`]: r.throughput,
      // Each run's ratios, in the order run.
      [`${name}_latency_ratio_runs`]: api.map((m, i) => ratios(m, baseline[i]).latency),
      [`${name}_throughput_ratio_runs`]: api.map((m, i) => ratios(m, baseline[i]).throughput),
      [`${name}_cpu_ms_per_req`]: round(cpu.api, 2),
      [`${name}_baseline_cpu_ms_per_req`]: round(cpu.baseline, 2),
      [`${name}_cpu_ratio`]: cpu.baseline > 0 ? round(cpu.api / cpu.baseline, 2) : null,
      [`${name}_errors`]: [...api, ...baseline, ...before].reduce((sum, m) => sum + m.errors, 0),
    });
    if (before.length) {
      const c = { p50: median(before.map((m) => m.p50)), rps: median(before.map((m) => m.rps)) };
      const cpuBefore = median(before.map((m) => m.cpuMs));
      const rb = ratios(c, b);
      Object.assign(result, {
        [`${name}_before_p50_ms`]: round(c.p50, 2),
        [`${name}_before_rps`]: round(c.rps, 1),
        [`${name}_before_cpu_ms_per_req`]: round(cpuBefore, 2),
        [`${name}_before_latency_ratio`]: rb.latency,
        [`${name}_before_throughput_ratio`]: rb.throughput,
        [`${name}_before_cpu_ratio`]: cpu.baseline > 0 ? round(cpuBefore / cpu.baseline, 2) : null,
      });
    }
    loads.push(...[...api, ...baseline, ...before].map((m) => m.load));
  }
  result.load_min = Math.min(...loads);
  result.load_max = Math.max(...loads);
  return result;
}

function printTable(result: Record<string, unknown>, options: ApiBenchOptions): void {
  console.log(
    `API benchmark: ${options.participants.toLocaleString('en')} participants × ` +
      `${options.projects.toLocaleString('en')} projects, ${options.connections} connections, ` +
      `${options.duration} s per phase, median of ${options.runs} run(s); ` +
      `load average ${String(result.load_min)}–${String(result.load_max)}`,
  );
  const cell = (v: unknown, w: number) => String(v).padStart(w);
  console.log(
    `  ${'operation'.padEnd(11)}${cell('API p50 ms', 12)}${cell('bare p50 ms', 13)}` +
      `${cell('ratio', 7)}${cell('API req/s', 11)}${cell('bare req/s', 12)}${cell('ratio', 7)}` +
      `${cell('API CPU ms/req', 16)}${cell('bare CPU ms/req', 17)}${cell('ratio', 7)}`,
  );
  for (const { name } of API_BENCH_OPERATIONS) {
    console.log(
      `  ${name.padEnd(11)}${cell(result[`${name}_p50_ms`], 12)}` +
        `${cell(result[`${name}_baseline_p50_ms`], 13)}${cell(result[`${name}_latency_ratio`], 7)}` +
        `${cell(result[`${name}_rps`], 11)}${cell(result[`${name}_baseline_rps`], 12)}` +
        `${cell(result[`${name}_throughput_ratio`], 7)}` +
        `${cell(result[`${name}_cpu_ms_per_req`], 16)}` +
        `${cell(result[`${name}_baseline_cpu_ms_per_req`], 17)}${cell(result[`${name}_cpu_ratio`], 7)}`,
    );
  }
  if (result[`${API_BENCH_OPERATIONS[0].name}_before_p50_ms`] === undefined) return;
  console.log('  the earlier build (BENCH_API_BEFORE), against the same bare server:');
  for (const { name } of API_BENCH_OPERATIONS) {
    console.log(
      `  ${name.padEnd(11)}${cell(result[`${name}_before_p50_ms`], 12)}` +
        `${cell(result[`${name}_baseline_p50_ms`], 13)}` +
        `${cell(result[`${name}_before_latency_ratio`], 7)}` +
        `${cell(result[`${name}_before_rps`], 11)}${cell(result[`${name}_baseline_rps`], 12)}` +
        `${cell(result[`${name}_before_throughput_ratio`], 7)}` +
        `${cell(result[`${name}_before_cpu_ms_per_req`], 16)}` +
        `${cell(result[`${name}_baseline_cpu_ms_per_req`], 17)}` +
        `${cell(result[`${name}_before_cpu_ratio`], 7)}`,
    );
  }
}

if (require.main === module) runFromCommandLine(parseApiBenchArgs, runApiBench);
