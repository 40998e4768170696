import {
  Injectable,
  Logger,
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  AppConfig,
  checkJobHandlers,
  createRedisConnection,
  isJobName,
  JOB_EXHAUSTED,
  JOB_HANDLER,
  JobAttempt,
  JobName,
  JOBS,
  OutboxRelay,
  QUEUE_NAMES,
  QueueService,
} from '@tsunagu/core';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';

const MAX_STALLED_COUNT = 10;

type Handler = (payload: unknown, attempt: JobAttempt) => Promise<unknown>;
type ExhaustedHook = (payload: unknown, error: Error) => Promise<unknown>;

// Finds every @JobHandler, refuses to start unless each job in the registry has exactly one,
// then runs one BullMQ worker per queue, schedules the registry's sweeps and starts the outbox
// relay that feeds them.
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  // BullMQ does not close connections it was given; we do, after the workers.
  private readonly connections: Redis[] = [];
  private readonly handlers = new Map<JobName, Handler>();
  private readonly exhausted = new Map<JobName, ExhaustedHook>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
    private readonly queues: QueueService,
  ) {}

  discoverHandlers(metadataKey = JOB_HANDLER): Array<{ name: string; handler: Handler }> {
    const found: Array<{ name: string; handler: Handler }> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as Handler;
        const name = this.reflector.get<string | undefined>(metadataKey, fn);
        if (name) found.push({ name, handler: fn.bind<Handler>(instance) });
      }
    }
    return found;
  }

  async onApplicationBootstrap(): Promise<void> {
    const found = this.discoverHandlers();
    const problems = checkJobHandlers(found.map((f) => f.name));
    if (problems.length) throw new Error(`Job registry check failed: ${problems.join('; ')}`);
    for (const { name, handler } of found) if (isJobName(name)) this.handlers.set(name, handler);
    for (const { name, handler } of this.discoverHandlers(JOB_EXHAUSTED)) {
      if (!isJobName(name)) throw new Error(`exhausted-job hook for unknown job "${name}"`);
      if (this.exhausted.has(name)) throw new Error(`job "${name}" has two exhausted-job hooks`);
      this.exhausted.set(name, handler as unknown as ExhaustedHook);
    }

    for (const queue of QUEUE_NAMES) {
      const connection = createRedisConnection(this.config.REDIS_URL);
      this.connections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.process(job), {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: queue === 'notifications' ? this.config.NOTIFICATIONS_CONCURRENCY : 5,
        // A job whose worker died is handed to another (handlers are idempotent). BullMQ's
        // default gives up after one such stall, so two crashes in a row (a deploy, a crash
        // loop, test:faults) left the job failed and its work undone.
        maxStalledCount: MAX_STALLED_COUNT,
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(
          `job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
        );
        if (job) void this.afterFailure(job, error);
      });
      worker.on('error', (error) => this.logger.error(`worker ${queue}: ${error.message}`));
      this.workers.push(worker);
    }
    // The sweeps the registry declares, every one from here: no handler schedules its own.
    await this.queues.scheduleAll();
    await this.relay.start();
    this.logger.log(
      `processing ${Object.keys(JOBS).length} job types on ${QUEUE_NAMES.length} queue(s)`,
    );
  }

  // Handlers throw on failure so BullMQ retries with the job's backoff.
  private async process(job: Job): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`unknown job ${job.name}`);
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler for ${job.name}`);
    const maxAttempts = job.opts.attempts ?? 1;
    const attempt = job.attemptsMade + 1;
    await handler(job.data, { attempt, maxAttempts, isFinal: attempt >= maxAttempts });
  }

  // A job that will not run again (BullMQ left it in the failed set) gets its exhausted-job hook,
  // so nothing it owns is left waiting for a run that never comes.
  private async afterFailure(job: Job, error: Error): Promise<void> {
    const hook = isJobName(job.name) ? this.exhausted.get(job.name) : undefined;
    if (!hook) return;
    try {
      if ((await job.getState()) !== 'failed') return;
      await hook(job.data, error);
    } catch (hookError) {
      this.logger.error(
        `exhausted-job hook of ${job.name} ${job.id}: ${(hookError as Error).message}`,
      );
    }
  }

  // Before the database and Redis connections close: finish in-flight jobs and relay passes.
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await Promise.all(this.workers.map((w) => w.close()));
    for (const connection of this.connections) connection.disconnect();
  }
}
