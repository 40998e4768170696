import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import {
  AppConfig,
  CoreModule,
  JobName,
  JobPayload,
  OutboxMessage,
  OutboxRelay,
  OutboxService,
  QueueService,
} from '@tsunagu/core';
import { JobRunner } from '../apps/worker/src/job-runner';
import { OutboxApplicationSubmittedAsEvent1795782000000 } from '../libs/core/src/database/migrations/1795782000000-OutboxApplicationSubmittedAsEvent';
import { renameLinkKeySql } from '../libs/core/src/database/migrations/1795794000000-EngagementVocabulary';
import { freePort } from '../apps/cli/src/local-stack/free-port';
import { expectData, Fixtures } from './support/fixtures';
import { drained, eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// How many in-app notifications of an application the person has (publishing the fixture's
// project also tells its region, by another event).
async function applicationNotices(platform: TestPlatform, userId: string): Promise<number> {
  const [{ n }] = await platform.dataSource.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM notification
      WHERE recipient_id = $1 AND type = 'APPLICATION_SUBMITTED'`,
    [userId],
  );
  return n;
}

// The outbox keeps work that must follow a commit, whatever happens to Redis in between.
describe('outbox relay', () => {
  let platform: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    // No worker yet: the test controls when jobs leave the outbox.
    platform = await startTestPlatform();
    f = new Fixtures(platform);
  });

  afterAll(() => platform.close());

  it('keeps an outbox row when enqueueing fails and delivers it once Redis is reachable', async () => {
    const {
      regionStaff: staff,
      participants: [participant],
      projectId,
    } = await f.supervisedRegion({
      municipalityCode: '313891',
      regionStaff: ['nanbu'],
      hubStaff: ['tottori-hub'],
      participants: ['yamada'],
    });
    const applied = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: '梨の収穫を手伝いたいです。' } },
        participant.token,
      ),
    );
    const jobId = `event.application-submitted.${applied.applyToProject.id}`;
    const outbox = platform.dataSource.getRepository(OutboxMessage);
    expect(await outbox.findOneByOrFail({ jobId })).toMatchObject({
      dispatchedAt: null,
      failedAttempts: 0,
    });

    // A relay whose Redis is down (nothing listens on this port) cannot enqueue: the row stays.
    const deadRedis = Object.assign(new AppConfig(), platform.api.get(AppConfig), {
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    const brokenQueues = new QueueService(deadRedis);
    const brokenRelay = new OutboxRelay(platform.dataSource, brokenQueues, deadRedis);
    const outcome = await brokenRelay.relayBatch();
    await brokenQueues.onApplicationShutdown();
    expect(outcome.failed).toBe(true);
    // The relay stops at the first row it cannot enqueue (the oldest: a re-score queued when the
    // profile was saved) and records the failure; nothing pending was marked dispatched.
    const [first] = await outbox.find({ order: { id: 'ASC' }, take: 1 });
    expect(first).toMatchObject({ dispatchedAt: null, failedAttempts: 1 });
    expect(first.lastError).toBeTruthy();
    expect(await outbox.findOneByOrFail({ jobId })).toMatchObject({ dispatchedAt: null });
    expect(await applicationNotices(platform, staff.id)).toBe(0);

    // The real worker (its relay polls the outbox) delivers it.
    await platform.startWorker();
    await eventually(async () => (await outbox.findOneByOrFail({ jobId })).dispatchedAt !== null);
    await eventually(async () => (await applicationNotices(platform, staff.id)) === 1);

    // A relay that died after BullMQ took the job but before marking the row sends it again:
    // the deterministic job id makes that second enqueue a no-op, so nobody hears twice.
    // The worker's own polling relay is stopped first: it could otherwise claim the row (SKIP
    // LOCKED) while this pass runs, and this pass would find nothing to send.
    const relay = platform.worker!.get(OutboxRelay);
    await relay.stop();
    await outbox.update({ jobId }, { dispatchedAt: null });
    const again = await relay.relayBatch();
    expect(again.relayed).toBeGreaterThanOrEqual(1);
    expect(again.failed).toBe(false);
    expect((await outbox.findOneByOrFail({ jobId })).dispatchedAt).not.toBeNull();
    await drained(platform, { outbox: false });
    expect(await applicationNotices(platform, staff.id)).toBe(1);
  });

  it('refuses to start a worker when a job has no handler', async () => {
    // The worker's runner over real discovery, but without the module that handles the job.
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule, DiscoveryModule],
      providers: [JobRunner],
    }).compile();
    await expect(moduleRef.init()).rejects.toThrow(/job "notify.event" has no handler/);
    await moduleRef.close();
  });
});

describe('outbox rows written before domain events', () => {
  let platform: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
  });

  afterAll(() => platform.close());

  it('turns a waiting job of the old notification shape into its domain event, and skips unknown jobs', async () => {
    const {
      regionStaff: staff,
      participants: [participant],
      projectId,
    } = await f.supervisedRegion({
      municipalityCode: '032051',
      regionStaff: ['hanamaki'],
      hubStaff: ['iwate-hub'],
      participants: ['kikuchi'],
    });
    const engagementId = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: 'ぶどうの収穫を手伝いたいです。' } },
        participant.token,
      ),
    ).applyToProject.id;
    // As a deployment before domain events would have left it, plus a job nobody knows.
    await platform.dataSource.query(
      `UPDATE outbox_message SET job_name = 'notify.application-submitted',
              job_id = 'application-submitted.' || $1, payload = jsonb_build_object('applicationId', $1::text)
        WHERE job_id = 'event.application-submitted.' || $1`,
      [engagementId],
    );
    await platform.dataSource.query(
      `INSERT INTO outbox_message (job_name, job_id, payload) VALUES ('retired.job', 'retired-1', '{}')`,
    );

    const runner = platform.dataSource.createQueryRunner();
    await new OutboxApplicationSubmittedAsEvent1795782000000().up(runner);
    // As the later EngagementVocabulary migration renames the link key in what waits.
    for (const sql of renameLinkKeySql('applicationId', 'engagementId')) await runner.query(sql);
    await runner.release();
    const [row] = await platform.dataSource.query(
      `SELECT job_name, job_id, payload FROM outbox_message WHERE job_id = $1`,
      [`event.application-submitted.${engagementId}`],
    );
    expect(row).toMatchObject({
      job_name: 'notify.event',
      payload: {
        event: {
          key: `application-submitted.${engagementId}`,
          type: 'APPLICATION_SUBMITTED',
          payload: { engagementId },
        },
      },
    });
    expect(Number.isNaN(Date.parse(row.payload.event.occurredAt))).toBe(false);

    // The relay passes over the unknown job; the region hears of the application once.
    await platform.startWorker();
    await eventually(async () => (await applicationNotices(platform, staff.id)) === 1);
    await drained(platform);
    expect(await applicationNotices(platform, staff.id)).toBe(1);
    const [retired] = await platform.dataSource.query(
      `SELECT dispatched_at FROM outbox_message WHERE job_id = 'retired-1'`,
    );
    expect(retired.dispatched_at).toBeNull();
  });
});

// Events committed together leave the outbox together: one fan-out job for a relay pass's events.
describe('outbox relay, events', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });

  afterAll(() => platform.close());

  it("hands a pass's notify.event rows to one notify.events job and marks each row dispatched", async () => {
    const events = ['a', 'b', 'c'].map((n) => ({
      key: `application-submitted.${randomUUID()}.${n}`,
      type: 'APPLICATION_SUBMITTED',
      payload: { engagementId: randomUUID() },
      occurredAt: new Date().toISOString(),
    }));
    const jobIds = events.map((e) => `event.${e.key}`);
    await platform.dataSource.transaction((m) =>
      platform.api.get(OutboxService).addMany(
        m,
        events.map((event, i) => ({
          jobName: 'notify.event' as const,
          payload: { event },
          jobId: jobIds[i],
        })),
      ),
    );
    const relay = new OutboxRelay(
      platform.dataSource,
      platform.api.get(QueueService),
      platform.api.get(AppConfig),
    );
    expect((await relay.relayBatch()).failed).toBe(false);

    const waiting = await platform.api
      .get(QueueService)
      .queue('notifications')
      .getJobs(['waiting', 'prioritized']);
    const holding = waiting.filter(
      (job) =>
        job.name === 'notify.events' &&
        (job.data as { events: Array<{ key: string }> }).events.some(
          (e) => e.key === events[0].key,
        ),
    );
    expect(holding).toHaveLength(1);
    expect(holding[0].data.events.map((e: { key: string }) => e.key)).toEqual(
      expect.arrayContaining(events.map((e) => e.key)),
    );
    // None of them went as a job of its own, and every row is marked.
    for (const jobId of jobIds) {
      expect(waiting.some((job) => job.id === jobId)).toBe(false);
    }
    const rows = await platform.dataSource.query(
      `SELECT dispatched_at FROM outbox_message WHERE job_id = ANY($1)`,
      [jobIds],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r: { dispatched_at: Date | null }) => r.dispatched_at !== null)).toBe(true);
  });
});

// The wait the "nothing more arrived" assertions rely on must itself see work left.
describe('drained', () => {
  it('waits for a delayed job and for an outbox row not yet relayed', async () => {
    const platform = await startTestPlatform();
    try {
      await drained(platform);
      const queue = platform.api.get(QueueService).queue('notifications');
      await queue.add('deliver.webhook', { deliveryId: 'x' }, { delay: 60_000, jobId: 'late-1' });
      await expect(drained(platform, { timeoutMs: 300 })).rejects.toThrow();
      await queue.remove('late-1');
      await drained(platform);
      await platform.dataSource.query(
        `INSERT INTO outbox_message (job_name, job_id, payload) VALUES ('deliver.webhook', 'late-2', '{}')`,
      );
      await expect(drained(platform, { timeoutMs: 300 })).rejects.toThrow();
      await expect(drained(platform, { outbox: false, timeoutMs: 300 })).resolves.toBeUndefined();
    } finally {
      await platform.close();
    }
  });
});

// Under load every Redis call is slow. A pass of re-scores (debounced jobs, one add each) whose
// adds each answer in time is relayed in full, not given up on because one after another they
// took longer than the relay's timeout for a chunk.
describe('outbox relay under a slow Redis', () => {
  it('relays a pass of debounced jobs whose calls are each slow but within the timeout', async () => {
    const platform = await startTestPlatform();
    const config = platform.api.get(AppConfig);
    // Every add answers after 250 ms: 16 of them take 4 s, over the 3 s one call may take.
    class SlowQueues extends QueueService {
      override async add<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await super.add(name, payload, jobId);
      }
    }
    const queues = new SlowQueues(config);
    try {
      const ids = Array.from({ length: 16 }, () => randomUUID());
      await platform.dataSource.query(
        `INSERT INTO outbox_message (job_name, job_id, payload)
         SELECT 'score.participant', 'slow-' || id, jsonb_build_object('participantId', id)
           FROM unnest($1::uuid[]) AS t(id)`,
        [ids],
      );
      const relay = new OutboxRelay(platform.dataSource, queues, config);
      const outcome = await relay.relayBatch();
      expect(outcome).toEqual({ relayed: 16, failed: false });
      const [{ pending }] = await platform.dataSource.query<Array<{ pending: number }>>(
        `SELECT count(*)::int AS pending FROM outbox_message
          WHERE job_id LIKE 'slow-%' AND dispatched_at IS NULL`,
      );
      expect(pending).toBe(0);
    } finally {
      await queues.onApplicationShutdown();
      await platform.close();
    }
  });
});
