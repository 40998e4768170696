import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@tsunagu/core';
import { AdminBootstrapService } from '@tsunagu/identity';
import { ScoringRunService } from '@tsunagu/scoring';
import { type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CliModule } from '../cli.module';
import { freePort } from '../local-stack/free-port';
import { startLocalStack } from '../local-stack/local-stack';
import { DATA_DIR } from '../local-services';
import { migrateDatabase } from '../migrations';
import { DEFAULT_AS_OF } from '../synthetic/seed-options';
import { accessTokenFor, benchEnv, prepareData, ready, startChild, stopChild } from './api-bench';
import { jsonDifference } from './api-bench-options';
import { median, percentile, runFromCommandLine } from './bench-args';
import { cpuSecondsOf } from './rescore-bench-phases';
import {
  parseScreensBenchArgs,
  plansFromLog,
  type ScreensBenchOptions,
} from './screens-bench-options';
import {
  NOT_MEASURED,
  readWebQueries,
  SCREEN_OPERATIONS,
  SCREEN_VARIANTS,
  type ScreenActor,
  type ScreenSubjects,
} from './screens-bench-operations';

// npm run bench:screens -- [--participants N] [--projects M] [--seed S] [--requests R]
//                          [--warmup W] [--runs K] [--explain E]
//
// Every query of the web app's screens (screens-bench-operations.ts, the queries themselves from
// the web app's generated documents) through the production API (node dist/apps/api/src/main.js)
// on the national-scale synthetic data (seed:synthetic with a year of activity, seeded once per
// size into .data/bench-screens/<N>x<M>-seed<S>, everyone's lists stored by one re-score; given
// DATABASE_URL and REDIS_URL are used as they are), each signed in as a representative user:
// the busiest participant, region, intermediary and company, and the platform admin. After a
// warm-up, R sequential requests per operation and run (operations in turns, the order reversed
// every other run); p50 and p95 of the round trip per operation (medians over the runs). Then the
// E slowest operations once more through a second API whose connections log every statement's
// plan (auto_explain with ANALYZE and BUFFERS): the slowest statements of each are printed.
// Prints a table sorted by p95, the plans, and one JSON line. With BENCH_SCREENS_BEFORE=<dist of
// an earlier build> that build's API answers too (beside the explaining one): each operation's
// SQL time from both in turns (medians over the runs) and whether their answers differ.

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits = 1) => Number(x.toFixed(digits));
const TARGET_MS = 50;

const BENCH_ADMIN = 'bench-admin@bench.tsunagu.jp';

// The representative users and the ids their screens are opened with.
async function pickSubjects(
  db: DataSource,
  admin: { userId: string; organizationId: string },
): Promise<ScreenSubjects> {
  const one = async <T>(what: string, sql: string, parameters: unknown[] = []): Promise<T> => {
    const [row] = await db.query<T[]>(sql, parameters);
    if (!row) throw new Error(`no ${what} in the data set: was it seeded with its activity?`);
    return row;
  };
  // The participant with the most engagements of those with one under way or done (whose
  // contacts, check-ins and milestones a screen shows), on that engagement.
  const participant = await one<{
    user: string;
    id: string;
    project: string;
    conversation: string;
  }>(
    'participant with engagements',
    `WITH busiest AS (SELECT participant_id FROM engagement GROUP BY 1
                       HAVING bool_or(status IN ('ACTIVE', 'COMPLETED'))
                       ORDER BY count(*) DESC, participant_id LIMIT 1)
     SELECT e.participant_id AS user, e.id, e.project_id AS project, c.id AS conversation
       FROM engagement e JOIN busiest b USING (participant_id)
       JOIN conversation c ON c.engagement_id = e.id
      ORDER BY (e.status IN ('ACTIVE', 'COMPLETED')) DESC, c.message_count DESC, e.id LIMIT 1`,
  );
  // The region with the most engagements, its busiest project and a running engagement of it.
  const region = await one<{ org: string; staff: string; project: string; engagement: string }>(
    'region with engagements',
    `WITH busiest AS (SELECT p.region_organization_id AS org FROM engagement e
                        JOIN project p ON p.id = e.project_id
                       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1),
          project AS (SELECT e.project_id AS id FROM engagement e
                        JOIN project p ON p.id = e.project_id JOIN busiest b ON b.org = p.region_organization_id
                       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
     SELECT b.org, m.user_id AS staff, x.id AS project, e.id AS engagement
       FROM busiest b CROSS JOIN project x
       JOIN membership m ON m.organization_id = b.org
       JOIN engagement e ON e.project_id = x.id
      ORDER BY (e.status IN ('ACTIVE', 'COMPLETED')) DESC, e.id LIMIT 1`,
  );
  // The intermediary whose remit holds the most engagements.
  const intermediary = await one<{ org: string; staff: string; program: string; review: string }>(
    'intermediary',
    `WITH busiest AS (SELECT r.organization_id AS org, r.prefecture_code AS pref FROM engagement e
                        JOIN project p ON p.id = e.project_id
                        JOIN remit_area r ON r.prefecture_code = p.prefecture_code
                        JOIN organization o ON o.id = r.organization_id AND o.kind = 'INTERMEDIARY'
                       GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1)
     SELECT b.org, m.user_id AS staff, g.id AS program,
            (SELECT p.id FROM project p WHERE p.prefecture_code = b.pref
              ORDER BY (p.status = 'IN_REVIEW') DESC, p.id LIMIT 1) AS review
       FROM busiest b JOIN membership m ON m.organization_id = b.org
       JOIN program g ON g.intermediary_organization_id = b.org
      ORDER BY g.id LIMIT 1`,
  );
  // The company with the most employees, and an employee of it who applied somewhere.
  const company = await one<{ org: string; staff: string; employee: string }>(
    'company',
    `WITH busiest AS (SELECT company_organization_id AS org FROM participant_profile
                       WHERE company_organization_id IS NOT NULL
                       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
     SELECT b.org, m.user_id AS staff,
            (SELECT pp.user_id FROM participant_profile pp
               LEFT JOIN engagement e ON e.participant_id = pp.user_id
              WHERE pp.company_organization_id = b.org
              GROUP BY 1 ORDER BY count(e.id) DESC, 1 LIMIT 1) AS employee
       FROM busiest b JOIN membership m ON m.organization_id = b.org AND m.role = 'OWNER'
      ORDER BY m.user_id LIMIT 1`,
  );
  const to = DEFAULT_AS_OF;
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  return {
    users: {
      participant: participant.user,
      employee: company.employee,
      region: region.staff,
      intermediary: intermediary.staff,
      company: company.staff,
      admin: admin.userId,
    },
    participant: {
      engagementId: participant.id,
      projectId: participant.project,
      conversationId: participant.conversation,
    },
    region: {
      organizationId: region.org,
      projectId: region.project,
      engagementId: region.engagement,
    },
    intermediary: {
      organizationId: intermediary.org,
      programId: intermediary.program,
      reviewProjectId: intermediary.review,
    },
    company: { organizationId: company.org },
    admin: { organizationId: admin.organizationId },
    from,
    to,
  };
}

interface Prepared {
  name: string;
  screen: string;
  actor: ScreenActor;
  body: string;
  token: string;
}

async function send(url: string, op: Prepared): Promise<{ ms: number; answer: unknown }> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${op.token}` },
    body: op.body,
  });
  const answer: unknown = await response.json();
  return { ms: performance.now() - started, answer };
}

export async function runScreensBench(options: ScreensBenchOptions) {
  const given = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  // PostgreSQL's log: kept while the explaining API answers (its plans), else dropped.
  let capture: string[] | null = null;
  const sqlLog = process.env.BENCH_SCREENS_SQL_LOG;
  const stack = await startLocalStack({
    dataDir: join(
      DATA_DIR,
      'bench-screens',
      `${options.participants}x${options.projects}-seed${options.seed}`,
    ),
    persistent: true,
    log: (line) => {
      capture?.push(line);
      if (sqlLog) appendFileSync(sqlLog, line);
    },
    mail: false,
  });
  const env = benchEnv(stack, 'bench-screens');
  const children: ChildProcess[] = [];
  let ctx: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | undefined;
  try {
    await migrateDatabase(stack.databaseUrl);
    Object.assign(process.env, env);
    loadConfig();
    ctx = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
    const db = ctx.get(DataSource);
    await prepareData(db, ctx.get(ScoringRunService), { ...options, activity: true }, env, given);
    const admin = await ctx
      .get(AdminBootstrapService)
      .ensurePlatformAdmin(BENCH_ADMIN, 'bench-screens-admin-2026');
    const [platform] = await db.query<Array<{ id: string }>>(
      `SELECT m.organization_id AS id FROM membership m
         JOIN organization o ON o.id = m.organization_id AND o.kind = 'PLATFORM'
        WHERE m.user_id = $1`,
      [admin.id],
    );
    const subjects = await pickSubjects(db, { userId: admin.id, organizationId: platform.id });
    const [counts] = await db.query<Array<Record<string, number>>>(
      `SELECT (SELECT count(*)::int FROM engagement) AS engagements,
              (SELECT count(*)::int FROM organization WHERE kind = 'REGION') AS regions,
              (SELECT count(*)::int FROM notification) AS notifications,
              (SELECT count(*)::int FROM conversation_message) AS messages`,
    );
    log(`data: ${JSON.stringify(counts)}`);
    await ctx.close();
    ctx = undefined;

    const queries = readWebQueries(join(process.cwd(), 'apps/web/src/gql/graphql.ts'));
    const unknown = queries.filter((q) => !SCREEN_OPERATIONS[q.name] && !NOT_MEASURED[q.name]);
    if (unknown.length) {
      throw new Error(
        `screens-bench-operations.ts does not say how to measure ${unknown.map((q) => q.name).join(', ')}`,
      );
    }
    // Each query as its screen runs it, then the variants of it other users' screens run.
    const runs = queries.flatMap((q) => [
      ...(SCREEN_OPERATIONS[q.name] ? [{ name: q.name, q, op: SCREEN_OPERATIONS[q.name] }] : []),
      ...Object.entries(SCREEN_VARIANTS)
        .filter(([, op]) => op.query === q.name)
        .map(([name, op]) => ({ name, q, op })),
    ]);
    const missing = Object.values(SCREEN_VARIANTS).filter(
      (v) => !queries.some((q) => q.name === v.query),
    );
    if (missing.length) {
      throw new Error(`no web query named ${missing.map((v) => v.query).join(', ')}`);
    }
    const prepared: Prepared[] = runs.map(({ name, q, op }) => ({
      name,
      screen: op.screen,
      actor: op.actor,
      body: JSON.stringify({
        operationName: q.name,
        query: q.query,
        variables: op.variables(subjects),
      }),
      token: accessTokenFor(env.JWT_SECRET!, subjects.users[op.actor]),
    }));

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const apiMain = join(__dirname, '../../../api/src/main.js');
    const api = startChild(apiMain, { ...env, PORT: String(port) }, 'api');
    children.push(api);
    // A second API whose connections log every statement's plan (auto_explain with ANALYZE and
    // BUFFERS), started beside the first and idle while it is timed.
    const explainUrl = `http://127.0.0.1:${await freePort()}`;
    let explainer: ChildProcess | null = null;
    let explainerReady: Promise<void> = Promise.resolve();
    const beforeDist = process.env.BENCH_SCREENS_BEFORE;
    const beforeUrl = `http://127.0.0.1:${await freePort()}`;
    let before: ChildProcess | null = null;
    if (options.explain > 0) {
      const explaining = (main: string, port: string, name: string) =>
        startChild(
          main,
          {
            ...env,
            PORT: port,
            PGOPTIONS:
              '-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 ' +
              '-c auto_explain.log_analyze=on -c auto_explain.log_buffers=on',
          },
          name,
        );
      explainer = explaining(apiMain, new URL(explainUrl).port, 'explain');
      children.push(explainer);
      explainerReady = ready(explainUrl, explainer);
      if (beforeDist) {
        before = explaining(
          join(beforeDist, 'apps/api/src/main.js'),
          new URL(beforeUrl).port,
          'before',
        );
        children.push(before);
        const started = before;
        explainerReady = explainerReady.then(() => ready(beforeUrl, started));
      }
      explainerReady.catch(() => undefined);
    }
    await ready(url, api);

    // Each operation once: an error is reported, not timed.
    const failed: Array<{ operation: string; error: string }> = [];
    const measured: Prepared[] = [];
    for (const op of prepared) {
      const { answer } = await send(url, op);
      const errors = (answer as { errors?: Array<{ message: string }> }).errors;
      if (errors?.length) {
        failed.push({ operation: op.name, error: errors[0].message });
        log(`${op.name}: ${errors[0].message}`);
      } else {
        measured.push(op);
      }
    }
    for (let w = 0; w < options.warmup; w++) for (const op of measured) await send(url, op);

    // Round trips on a shared machine wait for a core as much as they work: the API's CPU time
    // per request and the SQL's own time (below) say what the operation costs.
    const samples = new Map<string, { p50: number[]; p95: number[]; cpu: number[] }>(
      measured.map((op) => [op.name, { p50: [], p95: [], cpu: [] }]),
    );
    const loads: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      const order = r % 2 === 0 ? measured : [...measured].reverse();
      for (const op of order) {
        const times: number[] = [];
        const cpuBefore = cpuSecondsOf(api.pid!);
        for (let i = 0; i < options.requests; i++) times.push((await send(url, op)).ms);
        const s = samples.get(op.name)!;
        s.cpu.push(((cpuSecondsOf(api.pid!) - cpuBefore) * 1000) / options.requests);
        s.p50.push(percentile(times, 50));
        s.p95.push(percentile(times, 95));
      }
      loads.push(round(loadavg()[0]));
      log(`run ${r + 1} done (load ${loads.at(-1)})`);
    }
    const screens = measured
      .map((op) => ({
        operation: op.name,
        screen: op.screen,
        actor: op.actor,
        p50_ms: round(median(samples.get(op.name)!.p50)),
        p95_ms: round(median(samples.get(op.name)!.p95)),
        api_cpu_ms: round(median(samples.get(op.name)!.cpu), 2),
        sql_ms: null as number | null,
        ...(beforeDist ? { before_sql_ms: null as number | null } : {}),
      }))
      .sort((a, b) => b.p95_ms - a.p95_ms);

    // The slowest ones again, through an API whose statements' plans are logged.
    const explained: Array<{ operation: string; statements: Array<{ ms: number; plan: string }> }> =
      [];
    const over = screens.filter((s) => s.p95_ms > TARGET_MS).map((s) => s.operation);
    const result = {
      participants: options.participants,
      projects: options.projects,
      data: counts,
      requests: options.requests,
      runs: options.runs,
      load_min: Math.min(...loads),
      load_max: Math.max(...loads),
      screens,
      over_50ms: over,
      max_p95_ms: screens.length ? screens[0].p95_ms : 0,
      failed,
      not_measured: Object.keys(NOT_MEASURED),
      // With an earlier build: the operations whose answers differ between the two.
      ...(beforeDist ? { answers_differ: [] as string[] } : {}),
    };
    // The numbers first: the plans below take a server of their own.
    log(JSON.stringify(result));
    if (options.explain > 0) {
      try {
        await explainerReady;
      } catch (error) {
        log(`no plans: ${(error as Error).message}`);
        explainer = null;
      }
      // Every operation once more (after one untimed request): the SQL time of its statements
      // as PostgreSQL measured them, and the plans of the slowest operations' slowest ones; with
      // an earlier build, from both in turns, once per run (medians), and their answers compared.
      const sqlOf = async (url: string, op: Prepared) => {
        await send(url, op);
        capture = [];
        const { answer } = await send(url, op);
        // The log arrives through the server's stderr: give it a moment to drain.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const plans = plansFromLog(capture.join(''));
        capture = null;
        return { ms: plans.reduce((sum, p) => sum + p.ms, 0), plans, answer };
      };
      for (const [i, row] of (explainer ? screens : []).entries()) {
        const op = measured.find((o) => o.name === row.operation)!;
        const after: number[] = [];
        const earlier: number[] = [];
        let plans: Array<{ ms: number; plan: string }> = [];
        for (let r = 0; r < options.runs; r++) {
          const now = await sqlOf(explainUrl, op);
          after.push(now.ms);
          plans = now.plans;
          if (!before) continue;
          const then = await sqlOf(beforeUrl, op);
          earlier.push(then.ms);
          const difference = jsonDifference(
            (now.answer as { data?: unknown }).data,
            (then.answer as { data?: unknown }).data,
            '$.data',
          );
          if (difference && r === 0) {
            result.answers_differ?.push(`${op.name} at ${difference}`);
            log(`${op.name}: the answers of the two builds differ at ${difference}`);
          }
        }
        row.sql_ms = round(median(after), 2);
        if (before) row.before_sql_ms = round(median(earlier), 2);
        if (i < options.explain)
          explained.push({ operation: op.name, statements: plans.slice(0, 2) });
      }
    }
    printReport(result, explained);
    console.log(JSON.stringify(result));
    return result;
  } finally {
    for (const child of children) await stopChild(child);
    if (ctx) await ctx.close();
    await stack.stop();
  }
}

function printReport(
  result: {
    participants: number;
    projects: number;
    requests: number;
    runs: number;
    load_min: number;
    load_max: number;
    screens: Array<{
      operation: string;
      screen: string;
      actor: string;
      p50_ms: number;
      p95_ms: number;
      api_cpu_ms: number;
      sql_ms: number | null;
      before_sql_ms?: number | null;
    }>;
    failed: Array<{ operation: string; error: string }>;
  },
  explained: Array<{ operation: string; statements: Array<{ ms: number; plan: string }> }>,
): void {
  console.log(
    `Screens benchmark: ${result.participants.toLocaleString('en')} participants × ` +
      `${result.projects.toLocaleString('en')} projects, ${result.requests} sequential requests ` +
      `per operation, median of ${result.runs} run(s); load average ${result.load_min}–${result.load_max}`,
  );
  console.log(
    `  ${'operation'.padEnd(32)}${'as'.padEnd(14)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}` +
      `${'API CPU'.padStart(9)}${'SQL ms'.padStart(8)}${'before'.padStart(8)}  screen`,
  );
  for (const s of result.screens) {
    console.log(
      `  ${s.operation.padEnd(32)}${s.actor.padEnd(14)}${String(s.p50_ms).padStart(8)}` +
        `${String(s.p95_ms).padStart(8)}${String(s.api_cpu_ms).padStart(9)}` +
        `${String(s.sql_ms ?? '').padStart(8)}${String(s.before_sql_ms ?? '').padStart(8)}  ${s.screen}${s.p95_ms > TARGET_MS ? '  (over 50 ms)' : ''}`,
    );
  }
  for (const f of result.failed) console.log(`  ${f.operation}: failed: ${f.error}`);
  for (const e of explained) {
    console.log(`\n${e.operation}: its slowest statements (EXPLAIN ANALYZE, BUFFERS)`);
    for (const s of e.statements) console.log(`-- ${s.ms} ms\n${s.plan}`);
  }
}

if (require.main === module) runFromCommandLine(parseScreensBenchArgs, runScreensBench);
