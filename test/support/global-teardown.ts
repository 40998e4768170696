import type { LocalStack } from '../../apps/cli/src/local-stack/local-stack';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __TSUNAGU_STACK__?: LocalStack }).__TSUNAGU_STACK__;
  if (!stack) return;
  // With an external server, drop what this run created; a local one is simply deleted.
  if (!stack.started.includes('postgres')) {
    const admin = new Client({ connectionString: stack.databaseUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'tsunagu_test_${process.pid}_%' OR datname = $1`,
      [process.env.TEST_TEMPLATE_DATABASE],
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  await stack.stop();
}
