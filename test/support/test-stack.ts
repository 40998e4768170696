import { dataSourceOptions } from '@tsunagu/core';
import { startLocalStack, type LocalStack } from '../../apps/cli/src/local-stack/local-stack';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withDatabase } from './database-url';

// A throwaway PostgreSQL and Redis (unless DATABASE_URL / REDIS_URL are given) and a migrated
// template database that every test file copies into a database of its own.
export async function startTestStack(): Promise<{ stack: LocalStack; template: string }> {
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
