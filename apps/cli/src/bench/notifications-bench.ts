import 'reflect-metadata';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { AppConfig, EventAudiences, QUEUE_NAMES, QueueService } from '@tsunagu/core';
import { PasswordHasher } from '@tsunagu/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
// The benchmark runs both apps in its own process, as the e2e tests do; apps have no alias.
// eslint-disable-next-line no-restricted-imports
import { createApiApp } from '../../../api/src/create-api-app';
// eslint-disable-next-line no-restricted-imports
import { createWorkerApp } from '../../../worker/src/create-worker-app';
import { startServices } from '../local-services';
import {
  type PhaseContext,
  type BareQueueResult,
  type PhaseResult,
  runBaseline,
  runBareQueue,
  runPipeline,
  waitUntilIdle,
} from './notification-bench-phases';
import { createParticipants, createProject, createRegion } from './notification-bench-scene';
import { BenchOptionsError, median, percentile } from './bench-args';
import {
  type NotificationsBenchOptions,
  parseNotificationsBenchArgs,
} from './notifications-bench-options';
import { startMailCounter } from '../mail-counter';
import { MailTransport, NotificationSubscriber } from '@tsunagu/notifications';
import { migrateDatabase } from '../migrations';

// npm run bench:notifications -- [--participants N] [--staff S] [--runs R] [--concurrency C]
//
// One region with S staff and N participants who apply to its project, each in a request that
// commits the application. Each run measures, side by side on fresh projects and participants
// and from the same N applications, the durable pipeline (the event's outbox row in the
// application's transaction → relay → fan-out → in-app rows and e-mails through BullMQ, exactly
// once), the inline baseline (after the application commits, the request asks the same audience,
// inserts the rows and sends the e-mails itself), both ending at the same N×S in-app rows and
// N×S e-mails, and a bare BullMQ worker taking 2×N×S no-op jobs (what the queue alone costs).
// Prints a table, then one JSON object with the medians as the last line.

// Unreported first round: connection pools, prepared templates and the JIT warm up on it.
const WARM_UP_PARTICIPANTS = 20;

interface RunResult {
  pipeline: PhaseResult;
  baseline: PhaseResult;
  bare: BareQueueResult;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const seconds = (ms: number) => round(ms / 1000, 2);

// The apps in this process as production runs them (startServices has set the database, Redis
// and JWT_SECRET): NODE_ENV=production leaves out what only development and tests switch on, such
// as the transaction guard, which captures a stack trace at every transaction the pipeline opens.
// SMTP_URL is always the sink: a benchmark never mails a real server.
function configureApps(smtpUrl: string): void {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    SMTP_URL: smtpUrl,
    // A queue prefix of its own, so a shared REDIS_URL sees nothing of this run.
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'error',
    // A failed delivery is retried within the run rather than after 10 s (none is expected).
    DELIVERY_RETRY_BASE_MS: '100',
  });
  // The production default: LISTEN/NOTIFY moves outbox rows at once, the poll is the fallback.
  process.env.OUTBOX_POLL_INTERVAL_MS ??= '1000';
}

// Nothing of the run is left behind in a shared Redis (REDIS_URL set).
async function removeQueues(queues: QueueService): Promise<void> {
  for (const name of QUEUE_NAMES) {
    await queues
      .queue(name)
      .obliterate({ force: true })
      .catch((error: unknown) =>
        log(`could not remove queue ${name}: ${(error as Error).message}`),
      );
  }
}

type Side = 'pipeline' | 'baseline' | 'bare';
const SIDES: readonly Side[] = ['pipeline', 'baseline', 'bare'];

// One pipeline, one baseline and one bare-queue phase on fresh projects and participants. The
// order rotates between runs, so no side always inherits a warmer (or busier) machine.
async function measureRun(
  ctx: PhaseContext,
  passwordHash: string,
  participantCount: number,
  label: string,
  rotation: number,
): Promise<RunResult> {
  const participants = await createParticipants(ctx.db, participantCount, passwordHash);
  const title = (side: string) => `棚田の援農 ${label} ${side}`;
  const pipelineProject = await createProject(ctx.db, ctx.region, title('pipeline'));
  const baselineProject = await createProject(ctx.db, ctx.region, title('baseline'));
  // Each side's requests make the same applications, one each, and differ only in how the
  // event is delivered.
  const deliveries = participantCount * ctx.region.staff.length * 2;
  const result: Partial<RunResult> = {};
  const phases: Record<Side, () => Promise<{ wallMs: number }>> = {
    pipeline: async () => (result.pipeline = await runPipeline(ctx, pipelineProject, participants)),
    baseline: async () => (result.baseline = await runBaseline(ctx, baselineProject, participants)),
    bare: async () => (result.bare = await runBareQueue(ctx, deliveries)),
  };
  const order = SIDES.map((_, i) => SIDES[(i + rotation) % SIDES.length]);
  for (const side of order) {
    await waitUntilIdle(ctx);
    const phase = await phases[side]();
    const what = side === 'bare' ? 'no-op jobs' : 'deliveries';
    log(
      `  ${label} ${side}: ${deliveries.toLocaleString('en')} ${what} in ${seconds(phase.wallMs)} s`,
    );
  }
  return result as RunResult;
}

// Every delivery exactly once: one in-app row and one e-mail per application and staff member.
function exactlyOnce(phase: PhaseResult, expectedEach: number): boolean {
  return (
    phase.inAppRows === expectedEach &&
    phase.emailsReceived === expectedEach &&
    phase.emailCopiesWrong === 0
  );
}

function summarize(
  options: NotificationsBenchOptions,
  runs: RunResult[],
  workerConcurrency: number,
) {
  const each = options.participants * options.staff;
  const medianOf = (pick: (r: RunResult) => number) => median(runs.map(pick));
  const ratios = runs.map((r) => r.pipeline.wallMs / r.baseline.wallMs);
  const pipelineMs = medianOf((r) => r.pipeline.wallMs);
  const baselineMs = medianOf((r) => r.baseline.wallMs);
  const bareMs = medianOf((r) => r.bare.wallMs);
  const perSecond = (ms: number) => Math.round((2 * each) / (ms / 1000));
  // Deliveries per second of the pipeline over the baseline's, run by run (1 = as fast).
  const speedRatios = runs.map((r) => r.baseline.wallMs / r.pipeline.wallMs);
  return {
    participants: options.participants,
    staff: options.staff,
    runs: runs.length,
    concurrency: options.concurrency,
    in_app_per_side: each,
    emails_per_side: each,
    pipeline_s: seconds(pipelineMs),
    baseline_s: seconds(baselineMs),
    // Each run's own pipeline/baseline ratio, then their median: pairs measured minutes apart
    // on the same machine state, which is what the side-by-side is for.
    ratio: round(median(ratios), 2),
    ratio_runs: ratios.map((r) => round(r, 2)),
    pipeline_per_s: perSecond(pipelineMs),
    inline_per_s: perSecond(baselineMs),
    bare_queue_per_s: perSecond(bareMs),
    ratio_vs_inline: round(median(speedRatios), 2),
    ratio_vs_inline_runs: speedRatios.map((r) => round(r, 2)),
    ratio_vs_bare_queue: round(median(runs.map((r) => r.bare.wallMs / r.pipeline.wallMs)), 2),
    bare_queue_s: seconds(bareMs),
    pipeline_requests_s: seconds(medianOf((r) => r.pipeline.requestsMs)),
    pipeline_event_p50_ms: Math.round(medianOf((r) => percentile(r.pipeline.eventLatenciesMs, 50))),
    pipeline_event_p95_ms: Math.round(medianOf((r) => percentile(r.pipeline.eventLatenciesMs, 95))),
    baseline_event_p50_ms: Math.round(medianOf((r) => percentile(r.baseline.eventLatenciesMs, 50))),
    baseline_event_p95_ms: Math.round(medianOf((r) => percentile(r.baseline.eventLatenciesMs, 95))),
    exactly_once: runs.every(
      (r) =>
        exactlyOnce(r.pipeline, each) && exactlyOnce(r.baseline, each) && r.bare.jobs === 2 * each,
    ),
    notifications_concurrency: workerConcurrency,
    retried_deliveries: runs.reduce((sum, r) => sum + r.pipeline.retried, 0),
    peak_rss_mb: Math.round((process.resourceUsage().maxRSS * 1024) / 1048576),
  };
}

function printTable(result: ReturnType<typeof summarize>, runs: RunResult[]): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const row = (label: string, pipeline: string, baseline: string, extra = '') =>
    console.log(
      `  ${label.padEnd(24)} ${pipeline.padStart(14)} ${baseline.padStart(14)}  ${extra}`,
    );
  console.log(
    `notifications benchmark: ${result.participants} applications × ${result.staff} staff ` +
      `= ${result.in_app_per_side.toLocaleString('en')} in-app + ` +
      `${result.emails_per_side.toLocaleString('en')} e-mails per side, ` +
      `${result.concurrency} applying at once`,
  );
  row('', 'pipeline', 'inline', 'bare queue   pipeline speed vs inline');
  runs.forEach((r, i) =>
    row(
      `run ${i + 1}`,
      s(r.pipeline.wallMs),
      s(r.baseline.wallMs),
      `${s(r.bare.wallMs).padStart(10)}   ${result.ratio_vs_inline_runs[i].toFixed(2)}×  ` +
        `(requests returned after ${s(r.pipeline.requestsMs)})`,
    ),
  );
  row(
    'median',
    `${result.pipeline_s} s`,
    `${result.baseline_s} s`,
    `${`${result.bare_queue_s} s`.padStart(10)}   ${result.ratio_vs_inline.toFixed(2)}×`,
  );
  row(
    'deliveries (jobs)/s',
    String(result.pipeline_per_s),
    String(result.inline_per_s),
    String(result.bare_queue_per_s).padStart(10),
  );
  row(
    'per event p50 / p95',
    `${result.pipeline_event_p50_ms} / ${result.pipeline_event_p95_ms} ms`,
    `${result.baseline_event_p50_ms} / ${result.baseline_event_p95_ms} ms`,
  );
  row('exactly once', String(result.exactly_once), '', `retried: ${result.retried_deliveries}`);
}

export async function runNotificationsBench(options: NotificationsBenchOptions) {
  const services = await startServices('throwaway', { mail: false });
  const sink = await startMailCounter();
  let api: INestApplication | undefined;
  let worker: INestApplicationContext | undefined;
  let mailer: MailTransport | undefined;
  try {
    configureApps(sink.url);
    await migrateDatabase(services.stack.databaseUrl);
    api = await createApiApp({ logger: ['error'] });
    await api.init();
    worker = await createWorkerApp({ logger: ['error'] });

    mailer = new MailTransport(api.get(AppConfig));
    const db = api.get(DataSource);
    const passwordHash = await new PasswordHasher().hash(randomBytes(16).toString('hex'));
    const ctx: PhaseContext = {
      db,
      notify: api.get(NotificationSubscriber),
      audiences: api.get(EventAudiences),
      queues: api.get(QueueService),
      config: api.get(AppConfig),
      sink,
      mailer,
      region: await createRegion(db, options.staff, passwordHash),
      concurrency: options.concurrency,
      log,
    };

    log(`warm-up (${Math.min(WARM_UP_PARTICIPANTS, options.participants)} applications a side)`);
    await measureRun(
      ctx,
      passwordHash,
      Math.min(WARM_UP_PARTICIPANTS, options.participants),
      'warm-up',
      0,
    );
    const runs: RunResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      runs.push(await measureRun(ctx, passwordHash, options.participants, `run ${i + 1}`, i));
    }
    await waitUntilIdle(ctx);
    return {
      result: summarize(options, runs, ctx.config.NOTIFICATIONS_CONCURRENCY),
      runs,
    };
  } finally {
    // Worker first: it finishes in-flight jobs while the database and Redis are still there.
    await worker?.close();
    if (api) {
      await removeQueues(api.get(QueueService));
      await api.close();
    }
    mailer?.onApplicationShutdown();
    await sink.close();
    await services.stop();
  }
}

async function main(): Promise<void> {
  let options: NotificationsBenchOptions;
  try {
    options = parseNotificationsBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchOptionsError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const { result, runs } = await runNotificationsBench(options);
  printTable(result, runs);
  console.log(JSON.stringify(result));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
