import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  AppConfig,
  createRedisConnection,
  DomainEvent,
  EventAudiences,
  eventKey,
  QueueService,
} from '@tsunagu/core';
import { Queue, Worker } from 'bullmq';
import {
  actionPath,
  appUrl,
  PREFERENCES_PATH,
  renderEmail,
  renderNotification,
  MailTransport,
  NotificationSubscriber,
} from '@tsunagu/notifications';
import { DataSource, EntityManager } from 'typeorm';
import type { BenchParticipant, BenchRegion } from './notification-bench-scene';
import { forEachConcurrently } from './notifications-bench-options';
import type { MailCounter } from '../mail-counter';
import {
  formatTimeline,
  pipelineTimeline,
  type RequestStamps,
} from './notification-bench-timeline';

// The two ways of telling a region's staff about new applications, measured the same way: both
// start from the same events (an application made, its APPLICATION_SUBMITTED occurrence
// published), from the moment the first event's request starts until the last in-app row and
// e-mail exist. Applying itself is outside both: it is the same domain work on either side.

export interface PhaseContext {
  // The API app's: the pipeline's events are recorded through it, and so are the baseline's rows.
  db: DataSource;
  // What ApplyingService.apply's transaction does for notifications: one 'notify.event' row.
  notify: NotificationSubscriber;
  // Who hears of an event and what they are told, for the baseline (the fan-out asks the same).
  audiences: EventAudiences;
  queues: QueueService;
  config: AppConfig;
  sink: MailCounter;
  // The baseline's own sender to the sink: the worker's MailTransport class, so the ratio is
  // about bookkeeping, not SMTP.
  mailer: MailTransport;
  region: BenchRegion;
  concurrency: number;
  log: (line: string) => void;
}

export interface PhaseResult {
  // First event's request started → last delivery done.
  wallMs: number;
  // First event's request started → last request returned.
  requestsMs: number;
  // In-app rows and e-mails, all done.
  deliveries: number;
  // Per event: when it was published → when its last delivery was done.
  eventLatenciesMs: number[];
  // What arrived during the phase: exactly one of each is the point of the exercise.
  emailsReceived: number;
  inAppRows: number;
  // Deliveries that needed more than one attempt (pipeline only).
  retried: number;
  // Pipeline e-mails whose Message-ID the sink did not see exactly once (0 for the baseline).
  emailCopiesWrong: number;
}

const MOTIVATION = '週末に棚田の作業を手伝いたいです。';
const POLL_MS = 100;
// Give up when no delivery has been done for this long: something is stuck, not slow.
const STALL_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Every application to the project joined to what it caused, by the event key the pipeline uses
// (and the baseline copies): "application-submitted.<application id>".
const EVENTS_OF_PROJECT = `
  FROM engagement a
  JOIN notification_event e ON e.key = 'application-submitted.' || a.id
  JOIN notification_delivery d ON d.event_id = e.id
 WHERE a.project_id = $1`;

async function inAppRowsOf(db: DataSource, projectId: string): Promise<number> {
  const [row] = await db.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM engagement a
       JOIN notification n ON n.event_key = 'application-submitted.' || a.id
      WHERE a.project_id = $1`,
    [projectId],
  );
  return row.n;
}

// The domain write of both sides' requests, in the request's transaction: the application, the
// row ApplyingService.apply leaves (without its checks, seat count and re-score). A real request
// that causes a notification always commits its own change; the pipeline adds its outbox row to
// that transaction, the inline way delivers after it commits.
async function insertApplication(
  m: EntityManager,
  projectId: string,
  participant: BenchParticipant,
): Promise<string> {
  const [row] = await m.query<Array<{ id: string }>>(
    `INSERT INTO engagement (project_id, participant_id, motivation) VALUES ($1, $2, $3)
     RETURNING id`,
    [projectId, participant.id, MOTIVATION],
  );
  return row.id;
}

// The occurrence apply publishes for an application, stamped when its request runs.
function applicationSubmitted(engagementId: string): DomainEvent {
  return {
    key: eventKey('APPLICATION_SUBMITTED', [engagementId]),
    type: 'APPLICATION_SUBMITTED',
    payload: { engagementId },
    occurredAt: new Date().toISOString(),
  };
}

// The durable path: each request records its event in a transaction as apply's does (the
// notification subscriber's one 'notify.event' outbox row), and the worker relays it, fans out
// and delivers.
export async function runPipeline(
  ctx: PhaseContext,
  projectId: string,
  participants: readonly BenchParticipant[],
): Promise<PhaseResult> {
  const expected = participants.length * ctx.region.staff.length * 2;
  const receivedBefore = ctx.sink.received;
  const stamps: RequestStamps = { started: new Map(), committed: new Map() };
  const busy = busyMeter();
  const started = Date.now();
  await forEachConcurrently(participants, ctx.concurrency, async (participant) => {
    const begun = Date.now();
    const event = await ctx.db.transaction(async (m) => {
      const recorded = applicationSubmitted(await insertApplication(m, projectId, participant));
      await ctx.notify.record(m, recorded);
      return recorded;
    });
    stamps.started.set(event.key, begun);
    stamps.committed.set(event.key, Date.now());
  });
  const requestsMs = Date.now() - started;
  const retried = await waitForDeliveries(ctx, projectId, expected, started);
  const busyLine = busy();

  // sent_at is the worker's clock, which is this process's: comparable with `started`.
  const latencies = await ctx.db.query<Array<{ ms: number; last: Date }>>(
    `SELECT (extract(epoch FROM max(d.sent_at) - e.occurred_at) * 1000)::float8 AS ms,
            max(d.sent_at) AS last
       ${EVENTS_OF_PROJECT}
      GROUP BY e.id, e.occurred_at`,
    [projectId],
  );
  const last = Math.max(...latencies.map((l) => l.last.getTime()));
  if (process.env.BENCH_NOTIFICATIONS_TIMELINE === '1') {
    const timeline = await pipelineTimeline(
      ctx.db,
      ctx.queues,
      projectId,
      stamps,
      started,
      last,
      ctx.config.NOTIFICATIONS_CONCURRENCY,
    );
    for (const line of formatTimeline(timeline)) ctx.log(line);
    ctx.log(`      this process: ${busyLine}`);
  }
  // Exactly once by identity, not only by count: each e-mail delivery's Message-ID arrived once.
  const mails = await ctx.db.query<Array<{ id: string }>>(
    `SELECT d.id ${EVENTS_OF_PROJECT} AND d.channel = 'EMAIL'`,
    [projectId],
  );
  const emailCopiesWrong = mails.filter(
    (m) => ctx.sink.byMessageId.get(`<delivery.${m.id}@tsunagu>`) !== 1,
  ).length;
  return {
    wallMs: last - started,
    requestsMs,
    deliveries: expected,
    eventLatenciesMs: latencies.map((l) => l.ms),
    emailsReceived: ctx.sink.received - receivedBefore,
    inAppRows: await inAppRowsOf(ctx.db, projectId),
    retried,
    emailCopiesWrong,
  };
}

// How busy this process's one thread was since the meter started: the event loop's share of
// the wall time spent running rather than waiting (on PostgreSQL, Redis, timers), and CPU.
function busyMeter(): () => string {
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const t = performance.now();
  // The monotonic clock in µs, which V8's --cpu-prof samples use: cuts a profile at the phase.
  const us = () => process.hrtime.bigint() / 1000n;
  const from = us();
  return () => {
    const used = performance.eventLoopUtilization(elu);
    const c = process.cpuUsage(cpu);
    const wall = performance.now() - t;
    return (
      `event loop busy ${(100 * used.utilization).toFixed(0)} % of ${(wall / 1000).toFixed(1)} s, ` +
      `CPU ${((c.user + c.system) / 1e6).toFixed(1)} s, monotonic µs ${from}–${us()}`
    );
  };
}

// Polls until every planned delivery is SENT; returns how many needed a retry. A dead-lettered
// delivery or a stall ends the benchmark: its numbers would mean nothing.
async function waitForDeliveries(
  ctx: PhaseContext,
  projectId: string,
  expected: number,
  started: number,
): Promise<number> {
  let lastSent = -1;
  let lastProgressAt = Date.now();
  let lastReportAt = Date.now();
  for (;;) {
    const [c] = await ctx.db.query<
      Array<{ planned: number; sent: number; dead: number; retried: number }>
    >(
      `SELECT count(*)::int AS planned,
              count(*) FILTER (WHERE d.status = 'SENT')::int AS sent,
              count(*) FILTER (WHERE d.status = 'DEAD')::int AS dead,
              count(*) FILTER (WHERE d.attempts > 1)::int AS retried
         ${EVENTS_OF_PROJECT}`,
      [projectId],
    );
    if (c.dead > 0)
      throw new Error(
        `${c.dead} deliveries were dead-lettered: see notification_delivery.last_error`,
      );
    if (c.planned > expected)
      throw new Error(`${c.planned} deliveries planned, expected ${expected}`);
    if (c.sent === expected) return c.retried;
    const now = Date.now();
    if (c.sent !== lastSent) {
      lastSent = c.sent;
      lastProgressAt = now;
    } else if (now - lastProgressAt > STALL_MS) {
      throw new Error(
        `no delivery done for ${STALL_MS / 1000} s: ${c.sent}/${expected} sent, ${c.planned} planned`,
      );
    }
    if (now - lastReportAt >= 5000) {
      lastReportAt = now;
      ctx.log(`    ${c.sent}/${expected} delivered after ${((now - started) / 1000).toFixed(1)} s`);
    }
    await sleep(POLL_MS);
  }
}

// The naive way, inline: in the request, ask who hears of the event and what they are told
// (the same EventAudiences the fan-out asks), read their addresses, insert their in-app rows and
// send each e-mail, then return. No outbox, queue, delivery rows, preferences or retries: a
// crash or a refused e-mail in between loses notifications for good, which is what the
// pipeline's cost buys.
export async function runBaseline(
  ctx: PhaseContext,
  projectId: string,
  participants: readonly BenchParticipant[],
): Promise<PhaseResult> {
  const receivedBefore = ctx.sink.received;
  const preferencesUrl = appUrl(ctx.config, PREFERENCES_PATH);
  const latencies: number[] = [];
  const busy = busyMeter();
  const started = Date.now();
  await forEachConcurrently(participants, ctx.concurrency, async (participant) => {
    const t = Date.now();
    const id = await ctx.db.transaction((m) => insertApplication(m, projectId, participant));
    const event = applicationSubmitted(id);
    const audience = await ctx.audiences.resolve(event);
    if (!audience) throw new Error(`no audience for ${event.key}`);
    const users = await ctx.db.query<Array<{ id: string; email: string; locale: 'ja' | 'en' }>>(
      `SELECT id, email, locale FROM "user" WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
      [audience.recipients.map((r) => r.userId)],
    );
    const byId = new Map(users.map((u) => [u.id, u]));
    const to = audience.recipients.flatMap((r) => {
      const user = byId.get(r.userId);
      if (!user) return [];
      // The same words and layout the worker renders, so only the bookkeeping differs.
      const message = renderNotification(
        'APPLICATION_SUBMITTED',
        user.locale,
        audience.vars,
        r.role,
      );
      const data = r.organizationId
        ? { ...audience.links, organizationId: r.organizationId }
        : audience.links;
      return [{ recipient: r, user, message, data }];
    });
    await ctx.db.query(
      `INSERT INTO notification (recipient_id, event_key, type, title, body, data, facts, audience)
       SELECT recipient_id, $2, $3, title, body, data, $7::jsonb, audience
         FROM unnest($1::uuid[], $4::text[], $5::text[], $6::jsonb[], $8::text[])
              AS t(recipient_id, title, body, data, audience)`,
      [
        to.map((x) => x.user.id),
        event.key,
        event.type,
        to.map((x) => x.message.title),
        to.map((x) => x.message.body),
        to.map((x) => JSON.stringify(x.data)),
        JSON.stringify(audience.vars),
        to.map((x) => x.recipient.role),
      ],
    );
    await Promise.all(
      to.map(({ recipient, user, message }) => {
        const path = actionPath(audience.links, {
          role: recipient.role,
          organizationId: recipient.organizationId ?? null,
        });
        return ctx.mailer.send({
          to: user.email,
          ...renderEmail({
            locale: user.locale,
            ...message,
            actionUrl: path && appUrl(ctx.config, path),
            preferencesUrl,
          }),
          messageId: `<baseline.${randomUUID()}@tsunagu>`,
          headers: { 'X-Tsunagu-Event': event.type },
        });
      }),
    );
    latencies.push(Date.now() - t);
  });
  const wallMs = Date.now() - started;
  if (process.env.BENCH_NOTIFICATIONS_TIMELINE === '1') ctx.log(`    this process: ${busy()}`);
  return {
    wallMs,
    requestsMs: wallMs,
    deliveries: participants.length * ctx.region.staff.length * 2,
    eventLatenciesMs: latencies,
    emailsReceived: ctx.sink.received - receivedBefore,
    inAppRows: await inAppRowsOf(ctx.db, projectId),
    retried: 0,
    emailCopiesWrong: 0,
  };
}

// Waits until the worker has nothing left from the previous phase (outbox relayed, notification
// and scoring queues empty, debounced re-scores included), so each phase starts on an idle
// machine. The notifications queue always holds the digest sweep's next run as a delayed job,
// so only its scoring neighbour's delayed jobs count.
export async function waitUntilIdle(ctx: PhaseContext, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  for (;;) {
    const [outbox] = await ctx.db.query<Array<{ pending: number }>>(
      `SELECT count(*)::int AS pending FROM outbox_message WHERE dispatched_at IS NULL`,
    );
    let busy = outbox.pending;
    for (const name of ['notifications', 'scoring'] as const) {
      const c = await ctx.queues
        .queue(name)
        .getJobCounts('active', 'waiting', 'prioritized', 'delayed');
      busy += c.active + c.waiting + c.prioritized + (name === 'scoring' ? c.delayed : 0);
    }
    if (busy === 0) {
      const waited = Date.now() - started;
      if (waited >= 1000) ctx.log(`    waited ${(waited / 1000).toFixed(1)} s for an idle worker`);
      return;
    }
    if (Date.now() > deadline) {
      ctx.log(`    still ${busy} job(s) pending after ${timeoutMs / 1000} s; measuring anyway`);
      return;
    }
    await sleep(200);
  }
}

// What the queue itself costs: the same number of jobs as the pipeline's deliveries, added one
// by one from as many producers as applications in flight, taken by a bare BullMQ worker with
// the notifications queue's concurrency that does nothing with them. No database, no SMTP.
export async function runBareQueue(ctx: PhaseContext, jobs: number): Promise<BareQueueResult> {
  const name = 'bench-bare';
  const producer = createRedisConnection(ctx.config.REDIS_URL);
  const consumer = createRedisConnection(ctx.config.REDIS_URL);
  const queue = new Queue(name, { connection: producer, prefix: ctx.config.QUEUE_PREFIX });
  let done = 0;
  let finish!: () => void;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  const worker = new Worker(name, () => Promise.resolve(), {
    connection: consumer,
    prefix: ctx.config.QUEUE_PREFIX,
    concurrency: ctx.config.NOTIFICATIONS_CONCURRENCY,
    autorun: false,
  });
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  try {
    await worker.waitUntilReady();
    const started = Date.now();
    void worker.run();
    // The pipeline's retention, so Redis does the same bookkeeping per finished job.
    const opts = { attempts: 5, removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 } };
    const ids = Array.from({ length: jobs }, () => randomUUID());
    await forEachConcurrently(ids, ctx.concurrency, async (id) => {
      await queue.add('noop', { id }, { ...opts, jobId: `bare.${id}` });
    });
    await allDone;
    return { wallMs: Date.now() - started, jobs: done };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}

export interface BareQueueResult {
  wallMs: number;
  jobs: number;
}
