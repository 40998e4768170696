import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { JOB_NAMES, QUEUE_NAMES, QueueService } from '@tsunagu/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { withDatabase } from './database-url';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions: {
      code: string;
      reason?: string;
      fields?: Array<{ path: string[]; message: string }>;
    };
  }>;
}

export interface TestPlatform {
  api: INestApplication;
  worker?: INestApplicationContext;
  databaseUrl: string;
  dataSource: DataSource;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResult<T>>;
  // How many SQL statements the API sent while `run` ran (not the worker's): for tests that a
  // list costs a fixed number of statements whatever its length.
  countStatements(run: () => Promise<unknown>): Promise<number>;
  startWorker(): Promise<INestApplicationContext>;
  // Another API instance on the same database, Redis and queue prefix, as when scaled out.
  startApi(): Promise<{ app: INestApplication; url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

// A database of its own (copied from the migrated template) and a BullMQ prefix of its own, so
// test files run in parallel without seeing each other's rows or jobs.
export async function startTestPlatform(
  options: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<TestPlatform> {
  const server = process.env.TEST_SERVER_URL!;
  const name = `tsunagu_test_${process.env.TEST_TEMPLATE_DATABASE!.split('_').pop()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DATABASE}`);
  await admin.end();

  const databaseUrl = withDatabase(server, name);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    QUEUE_PREFIX: `test-${name}`,
    OUTBOX_POLL_INTERVAL_MS: '200',
    SCORING_DEBOUNCE_MS: '100',
    LOG_LEVEL: 'error',
    // A deliberately tiny pool (TEST_DATABASE_POOL_MAX to change it): with two connections, code
    // that takes a second one inside a transaction deadlocks at once rather than by chance, and
    // the transaction guard (on outside production) names it.
    DATABASE_POOL_MAX: process.env.TEST_DATABASE_POOL_MAX ?? '2',
    ...options.env,
  });

  const api = await createApiApp({ logger: ['error'] });
  await api.listen(0, '127.0.0.1');
  const url = `${await api.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  let worker: INestApplicationContext | undefined;
  const moreApis: INestApplication[] = [];

  const platform: TestPlatform = {
    api,
    databaseUrl,
    dataSource: api.get(DataSource),
    async gql(query, variables, token) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult;
    },
    async countStatements(run) {
      let count = 0;
      const counter = { afterQuery: () => void (count += 1) };
      const { subscribers } = platform.dataSource;
      subscribers.push(counter);
      try {
        await run();
      } finally {
        subscribers.splice(subscribers.indexOf(counter), 1);
      }
      return count;
    },
    async startWorker() {
      worker = await createWorkerApp({ logger: ['error'] });
      platform.worker = worker;
      return worker;
    },
    async startApi() {
      const app = await createApiApp({ logger: ['error'] });
      moreApis.push(app);
      await app.listen(0, '127.0.0.1');
      const close = async () => {
        moreApis.splice(moreApis.indexOf(app), 1);
        await app.close();
      };
      return { app, url: `${await app.getUrl()}/graphql`, close };
    },
    async close() {
      await worker?.close();
      for (const more of moreApis) await more.close();
      await api.close();
      const cleanup = new Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
  if (options.worker) await platform.startWorker();
  return platform;
}

// Polls until the check passes: for effects that happen in the worker. A check passes by
// returning something truthy without throwing; a failed assertion inside it means "not yet", and
// the last failure is what the test reports when time runs out.
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown = new Error('condition not met in time');
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Waits until no work is left: every outbox row of a known job relayed, and no job of any queue
// waiting, running, delayed (a retry's backoff) or waiting on children. Assert "nothing more
// arrived" after this rather than after a fixed sleep, so a late duplicate is seen, not missed.
// Repeatable sweeps always have their next run delayed; they are not work left. A test that
// stopped the worker's relay passes { outbox: false }: rows written since would never be relayed.
export async function drained(
  platform: TestPlatform,
  { outbox = true, timeoutMs = 10_000 } = {},
): Promise<void> {
  const queues = platform.api.get(QueueService);
  await eventually(async () => {
    const [{ pending }] = !outbox
      ? [{ pending: 0 }]
      : await platform.dataSource.query(
          `SELECT count(*)::int AS pending FROM outbox_message
        WHERE dispatched_at IS NULL AND job_name = ANY($1)`,
          [JOB_NAMES],
        );
    if (pending > 0) return false;
    for (const name of QUEUE_NAMES) {
      const jobs = await queues
        .queue(name)
        .getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
      if (jobs.some((job) => job && !job.repeatJobKey)) return false;
    }
    return true;
  }, timeoutMs);
}
