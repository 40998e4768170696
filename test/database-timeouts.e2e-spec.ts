import { Client } from 'pg';
import { QueryRunner } from 'typeorm';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// A stuck request fails, quickly and retryably, instead of holding the pool: the timeouts are set
// on every pooled connection, and what they raise reaches clients as TRY_AGAIN.

const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { status } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id status } }`;

describe('database timeouts', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let interStaff: Person;
  let regionStaff: Person;
  let regionId: string;

  beforeAll(async () => {
    platform = await startTestPlatform({
      env: {
        DATABASE_POOL_MAX: '2',
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        DATABASE_LOCK_TIMEOUT_MS: '300',
        DATABASE_STATEMENT_TIMEOUT_MS: '4000',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000',
      },
    });
    f = new Fixtures(platform);
    ({
      regionStaff,
      regionId,
      hubStaff: interStaff,
    } = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub'],
      project: false,
    }));
  });

  afterAll(() => platform.close());

  it('starts every pooled connection with the configured timeouts', async () => {
    const [settings] = await platform.dataSource.query(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(settings).toEqual({ statement: '4s', lock: '300ms', idle: '5s' });
  });

  it('answers TRY_AGAIN (LOCK_TIMEOUT) while another session holds the row, and succeeds after', async () => {
    const projectId = await f.project(regionStaff, regionId);
    await f.submit(projectId);
    const other = new Client({ connectionString: platform.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT id FROM project WHERE id = $1 FOR UPDATE', [projectId]);
      const started = Date.now();
      const busy = rejection(await platform.gql(PUBLISH, { id: projectId }, interStaff.token));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(busy.extensions).toEqual({
        code: 'TRY_AGAIN',
        reason: 'LOCK_TIMEOUT',
        retryable: true,
      });
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }
    const retried = expectData(await platform.gql(PUBLISH, { id: projectId }, interStaff.token));
    expect(retried.publishProject.status).toBe('PUBLISHED');
  });

  it('answers TRY_AGAIN (POOL_TIMEOUT) while every pooled connection is taken, and recovers', async () => {
    const projectId = await f.project(regionStaff, regionId);
    // Both of the API's connections, held as a stuck request would hold them.
    const held: QueryRunner[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const runner = platform.dataSource.createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
      const started = Date.now();
      const busy = rejection(await platform.gql(PROJECT, { id: projectId }, regionStaff.token));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(busy.extensions).toEqual({
        code: 'TRY_AGAIN',
        reason: 'POOL_TIMEOUT',
        retryable: true,
      });
    } finally {
      for (const runner of held) await runner.release();
    }
    const read = expectData(await platform.gql(PROJECT, { id: projectId }, regionStaff.token));
    expect(read.project).toEqual({ id: projectId, status: 'DRAFT' });
  });
});
