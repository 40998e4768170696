import { PasswordHasher } from '@tsunagu/identity';
import { JapanGeography } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import type { SqlRunner, WriteResult } from './bulk-writer';
import { Prng } from './prng';
import { SyntheticSeedError } from './seed-options';
import {
  generateSyntheticData,
  SkillRef,
  SYNTHETIC_EMAIL_DOMAIN,
  SyntheticOptions,
} from './synthetic-data';
import { SYNTHETIC_TABLES } from './synthetic-tables';

// Every synthetic account signs in with this password.
export const SYNTHETIC_PASSWORD = 'tsunagu-synthetic-2026';

export interface SyntheticSeedReport {
  options: SyntheticOptions;
  password: string;
  tables: WriteResult[];
  steps: Array<{ step: string; ms: number }>;
  totalMs: number;
}

// Loads a synthetic data set into a migrated database in one transaction: all of it or nothing.
// Refuses when synthetic accounts (…@synthetic.tsunagu.jp) already exist, so running it twice
// never duplicates data; use a fresh database for another size or seed.
export async function seedSynthetic(
  dataSource: DataSource,
  options: SyntheticOptions,
  log: (line: string) => void = () => undefined,
): Promise<SyntheticSeedReport> {
  const started = performance.now();
  const steps: SyntheticSeedReport['steps'] = [];
  const timed = async <T>(step: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    const ms = performance.now() - t0;
    steps.push({ step, ms });
    log(`${step}: ${formatMs(ms)}`);
    return result;
  };

  await refuseIfSeeded(dataSource);
  const { skills, themeCodes } = await timed('read taxonomy', () => readTaxonomy(dataSource));
  // One argon2 hash for every account, with a salt from the seed so the rows are reproducible.
  const passwordHash = await timed('hash password', () =>
    new PasswordHasher().hash(
      SYNTHETIC_PASSWORD,
      Prng.from(options.seed, 'password-salt').bytes(16),
    ),
  );
  const geography = JapanGeography.get();
  const data = await timed('generate rows', () =>
    generateSyntheticData(options, {
      municipalities: [...geography.municipalities.values()],
      prefectures: [...geography.prefectures.values()],
      skills,
      themeCodes,
      passwordHash,
    }),
  );

  const tables: WriteResult[] = [];
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    // Two runs at once: the second waits here, then finds the first one's rows and stops.
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext('tsunagu.seed-synthetic'))`);
    await refuseIfSeeded(runner);
    for (const table of SYNTHETIC_TABLES) {
      const result = await table.write(runner, data);
      tables.push(result);
      log(
        `wrote ${result.table}: ${result.rows.toLocaleString('en')} rows in ${formatMs(result.ms)}`,
      );
    }
    await timed('commit', () => runner.commitTransaction());
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  steps.splice(steps.length - 1, 0, {
    step: 'insert rows',
    ms: tables.reduce((sum, t) => sum + t.ms, 0),
  });
  // Fresh planner statistics, so queries on the new data are planned for its size right away.
  await timed('analyze', () =>
    dataSource.query(`ANALYZE ${SYNTHETIC_TABLES.map((t) => `"${t.table}"`).join(', ')}`),
  );
  return {
    options,
    password: SYNTHETIC_PASSWORD,
    tables,
    steps,
    totalMs: performance.now() - started,
  };
}

async function refuseIfSeeded(runner: SqlRunner): Promise<void> {
  const rows = (await runner.query(`SELECT count(*)::int AS n FROM "user" WHERE email LIKE $1`, [
    `%@${SYNTHETIC_EMAIL_DOMAIN}`,
  ])) as Array<{ n: number }>;
  if (rows[0].n > 0) {
    throw new SyntheticSeedError(
      `This database already has ${rows[0].n.toLocaleString('en')} synthetic accounts ` +
        `(…@${SYNTHETIC_EMAIL_DOMAIN}): synthetic data is loaded once per database, nothing was ` +
        `written. For another size or seed use a fresh database (set DATABASE_URL, or delete .data ` +
        `to start the npm start database again).`,
    );
  }
}

async function readTaxonomy(
  dataSource: DataSource,
): Promise<{ skills: SkillRef[]; themeCodes: string[] }> {
  const skills = await dataSource.query<SkillRef[]>(
    `SELECT id, code, category_code AS "categoryCode" FROM skill ORDER BY code`,
  );
  if (skills.length === 0) {
    throw new SyntheticSeedError(
      'The skill taxonomy is empty (no rows in the skill table): synthetic people and projects ' +
        'need skills to reference. Load the taxonomy first (run the migrations that seed it), ' +
        'then run seed:synthetic again.',
    );
  }
  const themes = await dataSource.query<Array<{ code: string }>>(
    `SELECT code FROM theme ORDER BY sort_order, code`,
  );
  if (themes.length === 0) {
    throw new SyntheticSeedError(
      'There are no themes (the theme table is empty): run the migrations first.',
    );
  }
  return { skills, themeCodes: themes.map((t) => t.code) };
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

// The report as the command prints it.
export function describeReport(report: SyntheticSeedReport): string {
  const { options } = report;
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  const insertMs = report.tables.reduce((sum, t) => sum + t.ms, 0);
  const lines = [
    `synthetic data loaded: ${options.participants.toLocaleString('en')} participants, ` +
      `${options.projects.toLocaleString('en')} projects (seed ${options.seed}, as of ${options.asOf})`,
    '',
    `  ${'table'.padEnd(20)} ${'rows'.padStart(9)} ${'time'.padStart(9)} ${'rows/s'.padStart(9)}`,
    ...report.tables.map(
      (t) =>
        `  ${t.table.padEnd(20)} ${t.rows.toLocaleString('en').padStart(9)} ${formatMs(t.ms).padStart(9)} ` +
        `${(t.ms > 0 ? Math.round((t.rows / t.ms) * 1000) : 0).toLocaleString('en').padStart(9)}`,
    ),
    `  ${'all tables'.padEnd(20)} ${rows.toLocaleString('en').padStart(9)} ${formatMs(insertMs).padStart(9)}`,
    '',
    ...report.steps.map((s) => `  ${s.step.padEnd(20)} ${formatMs(s.ms).padStart(9)}`),
    `  ${'total'.padEnd(20)} ${formatMs(report.totalMs).padStart(9)}`,
    '',
    `Every synthetic account (p000001@${SYNTHETIC_EMAIL_DOMAIN}, hub01@…, r00001@…, hr001@…) ` +
      `signs in with the password ${report.password}`,
  ];
  return lines.join('\n');
}
