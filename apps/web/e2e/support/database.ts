import pg from 'pg';

// One statement on the platform's database, for what no screen can do: moving a record in time
// (an activity day that took place this morning). Use sparingly, on the journey's own records.
export async function sql(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.WEB_TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}
