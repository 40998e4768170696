import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutAddedGlobals } from './without-added-globals';

// Once per test run: a throwaway PostgreSQL and Redis (unless DATABASE_URL / REDIS_URL are given)
// and a migrated template database that every test file copies into a database of its own.
export default async function globalSetup(): Promise<void> {
  // The project's code is loaded here, not imported at the top: its libraries put registries on
  // the global object, and this process's globals reach the test files (see withoutAddedGlobals).
  const { stack, template } = await withoutAddedGlobals(prepareStack);
  (globalThis as { __TSUNAGU_STACK__?: unknown }).__TSUNAGU_STACK__ = stack;

  process.env.TEST_SERVER_URL = stack.databaseUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
  process.env.REDIS_URL = stack.redisUrl;
  // Tests that send e-mail start their own SMTP catcher; never a developer's real server.
  delete process.env.SMTP_URL;
}

async function prepareStack() {
  const { dataSourceOptions } = await import('@tsunagu/core');
  const { startLocalStack } = await import('../../apps/cli/src/local-stack/local-stack');
  const { Client } = await import('pg');
  const { DataSource } = await import('typeorm');

  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-test-'));
  // No shared mail catcher: a test that sends e-mail starts its own (test/support/smtp-catcher).
  const stack = await startLocalStack({ dataDir, persistent: false, fast: true, mail: false });

  const template = `tsunagu_template_${process.pid}`;
  const admin = new Client({ connectionString: stack.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const templateUrl = withDatabase(stack.databaseUrl, template);
  const dataSource = new DataSource(dataSourceOptions(templateUrl));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  return { stack, template };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
