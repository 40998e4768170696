import 'reflect-metadata';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@tsunagu/core';
import { KpiGroupBy, KpiReportService } from '@tsunagu/insights';
import { startLocalStack } from '../local-stack/local-stack';
import { DATA_DIR } from '../local-services';
import { migrateDatabase } from '../migrations';
import { median } from './bench-args';

// node dist/apps/cli/src/bench/kpi-facts-bench.js [N×M data set, default 10000x1000-seed42]
//
// What the stored KPI facts (migration 1796019000000-KpiFacts) cost and buy, on a data set
// bench:screens seeded (.data/bench-screens/<set>):
//  - read: the platform admin's report (the five groupings its screen asks, the country, a
//    year) through KpiReportService of this build and of BENCH_KPI_BEFORE (a dist copied aside
//    before the change), in turns, answers compared;
//  - write: the statements that write facts (an application, an acceptance, a check-in's
//    approval, a follow-up recorded, a change of kind), each in a transaction rolled back, on
//    the data set and on a copy of it without the facts' triggers, in turns, each connection
//    warmed up first (a connection plans the triggers' statements once: ~15 ms on its first).
// Prints medians (ms) of every round and the 1-minute load average, then one JSON line.

const round = (x: number) => Number(x.toFixed(2));
const YEAR = { from: '2025-12-01', to: '2026-12-01' };
const SCREEN = [
  KpiGroupBy.NONE,
  KpiGroupBy.MONTH,
  KpiGroupBy.THEME,
  KpiGroupBy.PARTICIPANT_KIND,
  KpiGroupBy.PREFECTURE,
];
// The report's service with just what figuresBy asks of the policy: the platform admin.
const ADMIN_POLICY = { isPlatformAdmin: () => true, remitOf: () => null };
const ADMIN = { userId: '00000000-0000-0000-0000-000000000000', locale: 'ja', memberships: [] };

type Service = { figuresBy: KpiReportService['figuresBy'] };

// This build's service, or an earlier build's (its compiled CommonJS module).
function reportService(db: DataSource, dist?: string): Service {
  const load = createRequire(__filename);
  const Of = dist
    ? (
        load(resolve(dist, 'libs/insights/src/kpi-report.service.js')) as {
          KpiReportService: typeof KpiReportService;
        }
      ).KpiReportService
    : KpiReportService;
  return new Of(db, ADMIN_POLICY as never);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main() {
  const set = process.argv[2] ?? '10000x1000-seed42';
  const rounds = Number(process.env.BENCH_KPI_ROUNDS ?? 15);
  const stack = await startLocalStack({
    dataDir: join(DATA_DIR, 'bench-screens', set),
    persistent: true,
    mail: false,
  });
  const db = new DataSource(dataSourceOptions(stack.databaseUrl));
  const client = new Client({ connectionString: stack.databaseUrl });
  const copy = new URL(stack.databaseUrl);
  copy.pathname = '/kpi_bench_without_triggers';
  const without = new Client({ connectionString: copy.toString() });
  try {
    await migrateDatabase(stack.databaseUrl);
    const server = new URL(stack.databaseUrl);
    server.pathname = '/postgres';
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS kpi_bench_without_triggers`);
    await admin.query(
      `CREATE DATABASE kpi_bench_without_triggers TEMPLATE ${stack.databaseUrl.split('/').pop()}`,
    );
    await admin.end();
    await without.connect();
    const dropped = await without.query<{ sql: string }>(
      `SELECT format('DROP TRIGGER %I ON %s', tgname, tgrelid::regclass) AS sql
         FROM pg_trigger WHERE tgname LIKE 'kpi\\_%'`,
    );
    for (const { sql } of dropped.rows) await without.query(sql);
    await db.initialize();
    await client.connect();
    const result: Record<string, unknown> = { set, rounds, load_start: loadavg()[0] };

    // Read.
    const before = process.env.BENCH_KPI_BEFORE;
    const now = reportService(db);
    const then = before ? reportService(db, before) : undefined;
    const read = { after: [] as number[], before: [] as number[] };
    const a = await now.figuresBy(ADMIN as never, YEAR, SCREEN);
    if (then) {
      const b = await then.figuresBy(ADMIN as never, YEAR, SCREEN);
      const hours = (lists: typeof a) =>
        lists.map((rows) =>
          rows.map((r) => ({ ...r, hoursContributed: round(r.hoursContributed) })),
        );
      result.answers_same = JSON.stringify(hours(a)) === JSON.stringify(hours(b));
    }
    for (let i = 0; i < rounds; i++) {
      read.after.push(await time(() => now.figuresBy(ADMIN as never, YEAR, SCREEN)));
      if (then) read.before.push(await time(() => then.figuresBy(ADMIN as never, YEAR, SCREEN)));
    }
    result.read_ms = {
      after: round(median(read.after)),
      before: then ? round(median(read.before)) : null,
    };

    // Write: the busiest active engagement, its participant, a check-in and a follow-up of it.
    const [w] = await db.query<
      Array<{ engagement: string; who: string; checkIn: string; followUp: string; project: string }>
    >(`SELECT e.id AS engagement, e.participant_id AS who,
              (SELECT c.id FROM engagement_check_in c WHERE c.engagement_id = e.id LIMIT 1) AS "checkIn",
              (SELECT f.id FROM follow_up f JOIN engagement e2 ON e2.id = f.engagement_id
                WHERE e2.participant_id = e.participant_id LIMIT 1) AS "followUp",
              (SELECT p.id FROM project p WHERE NOT EXISTS (
                 SELECT 1 FROM engagement x WHERE x.project_id = p.id AND x.participant_id = e.participant_id)
                ORDER BY p.id LIMIT 1) AS project
         FROM engagement e
        WHERE e.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM engagement_check_in c WHERE c.engagement_id = e.id)
          AND EXISTS (SELECT 1 FROM follow_up f JOIN engagement e2 ON e2.id = f.engagement_id
                       WHERE e2.participant_id = e.participant_id)
        ORDER BY (SELECT count(*) FROM kpi_fact f WHERE f.who = e.participant_id) DESC, e.id LIMIT 1`);
    const writes: Array<{ name: string; table: string; sql: string; params: unknown[] }> = [
      {
        name: 'application (INSERT engagement)',
        table: 'engagement',
        sql: `INSERT INTO engagement (project_id, participant_id, motivation, status) VALUES ($1, $2, 'bench', 'SUBMITTED')`,
        params: [w.project, w.who],
      },
      {
        name: 'acceptance (INSERT engagement_event)',
        table: 'engagement_event',
        sql: `INSERT INTO engagement_event (engagement_id, action, from_status, to_status) VALUES ($1, 'ACCEPT', 'SUBMITTED', 'ACCEPTED')`,
        params: [w.engagement],
      },
      {
        name: 'check-in approved (UPDATE engagement_check_in)',
        table: 'engagement_check_in',
        sql: `UPDATE engagement_check_in SET approved_at = now() WHERE id = $1`,
        params: [w.checkIn],
      },
      {
        name: 'follow-up recorded (UPDATE follow_up)',
        table: 'follow_up',
        sql: `UPDATE follow_up SET recorded_at = now(), outcomes = '{REVISITED}' WHERE id = $1`,
        params: [w.followUp],
      },
      {
        name: 'change of kind (UPDATE participant_profile)',
        table: 'participant_profile',
        sql: `UPDATE participant_profile SET kind = CASE WHEN kind = 'PRO_BONO' THEN 'COMPANY_EMPLOYEE'::participant_kind ELSE 'PRO_BONO' END WHERE user_id = $1`,
        params: [w.who],
      },
    ];
    const [{ facts }] = await db.query<Array<{ facts: number }>>(
      `SELECT count(*)::int AS facts FROM kpi_fact WHERE who = $1`,
      [w.who],
    );
    result.participant_facts = facts;
    const written: Record<string, { with_triggers: number; without: number }> = {};
    for (const write of writes) {
      const sample = async (c: Client) => {
        await c.query('BEGIN');
        const ms = await time(() => c.query(write.sql, write.params));
        await c.query('ROLLBACK');
        return ms;
      };
      for (let i = 0; i < 6; i++) {
        await sample(client);
        await sample(without);
      }
      const on: number[] = [];
      const off: number[] = [];
      for (let i = 0; i < rounds * 2; i++) {
        on.push(await sample(client));
        off.push(await sample(without));
      }
      written[write.name] = { with_triggers: round(median(on)), without: round(median(off)) };
    }
    result.write_ms = written;
    result.load_end = loadavg()[0];
    for (const [name, t] of Object.entries(written)) {
      process.stderr.write(`${name.padEnd(50)} ${t.without} → ${t.with_triggers} ms\n`);
    }
    console.log(JSON.stringify(result));
  } finally {
    await client.end().catch(() => undefined);
    await without.end().catch(() => undefined);
    if (db.isInitialized) await db.destroy();
    await stack.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
