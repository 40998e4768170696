import { dataSourceOptions } from '@tsunagu/core';
import { startLocalStack } from '../../apps/cli/src/local-stack/local-stack';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

// Once per test run: a throwaway PostgreSQL and Redis (unless DATABASE_URL / REDIS_URL are given)
// and a migrated template database that every test file copies into a database of its own.
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-test-'));
  // No shared mail catcher: a test that sends e-mail starts its own (test/support/smtp-catcher).
  const stack = await startLocalStack({ dataDir, persistent: false, fast: true, mail: false });
  (globalThis as { __TSUNAGU_STACK__?: unknown }).__TSUNAGU_STACK__ = stack;

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

  process.env.TEST_SERVER_URL = stack.databaseUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
  process.env.REDIS_URL = stack.redisUrl;
  // Tests that send e-mail start their own SMTP catcher; never a developer's real server.
  delete process.env.SMTP_URL;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
