import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer, JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import {
  assertValidJobId,
  JobName,
  JobPayload,
  JOBS,
  QueueName,
  scheduledJobs,
} from './job-registry';
import { createRedisConnection } from './redis-connection';

// Producer side of BullMQ: typed enqueueing with per-job retry policy.
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private flows?: FlowProducer;

  constructor(private readonly config: AppConfig) {
    // Fail fast while Redis is away instead of buffering commands: the outbox keeps the work.
    this.connection = createRedisConnection(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.connection.on('error', () => undefined);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.QUEUE_PREFIX });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  // For health checks: fails fast while Redis is away (no offline queue on this connection).
  async ping(): Promise<void> {
    await this.connection.ping();
  }

  // jobId is deterministic (derived from the outbox row), so adding twice is a no-op in BullMQ.
  async add<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string): Promise<void> {
    await this.queue(JOBS[name].queue).add(name, payload, this.options(name, payload, jobId));
  }

  // Several jobs at once, each with the same options and deterministic id as add() gives it: one
  // addBulk (one MULTI) per queue, and the debounced jobs through add() — their deduplication
  // replaces a waiting job — all sent together, so ioredis pipelines them into about one round
  // trip rather than one each. Two adds of one debounce key carry the same payload, so their
  // order does not matter.
  async addMany(jobs: ReadonlyArray<{ name: JobName; payload: unknown; jobId: string }>) {
    const byQueue = new Map<QueueName, Array<{ name: string; data: unknown; opts: JobsOptions }>>();
    const sends: Array<Promise<unknown>> = [];
    for (const { name, payload, jobId } of jobs) {
      if (JOBS[name].debounceKey) {
        sends.push(this.add(name, payload as never, jobId));
        continue;
      }
      const queue = JOBS[name].queue;
      const list = byQueue.get(queue) ?? [];
      list.push({ name, data: payload, opts: this.options(name, payload as never, jobId) });
      byQueue.set(queue, list);
    }
    for (const [queue, list] of byQueue) sends.push(this.queue(queue).addBulk(list));
    await Promise.all(sends);
  }

  // Every repeatable sweep the registry declares. One scheduler per job and deployment:
  // upserting it on every start replaces, never duplicates (and picks up a changed interval).
  async scheduleAll(): Promise<void> {
    for (const { name, everyMs } of scheduledJobs()) {
      await this.queue(JOBS[name].queue).upsertJobScheduler(
        name,
        { every: everyMs },
        { name, data: {}, opts: this.retention(name) },
      );
    }
  }

  // A parent job that runs once all its children have finished, failed ones included (the parent
  // decides what a failed child means). Children already in Redis (same job ids) are not added
  // again, so planning a flow twice is harmless.
  async addFlow<P extends JobName, C extends JobName>(
    parent: { name: P; payload: JobPayload<P>; jobId: string },
    children: Array<{ name: C; payload: JobPayload<C>; jobId: string }>,
  ): Promise<void> {
    this.flows ??= new FlowProducer({
      connection: this.connection,
      prefix: this.config.QUEUE_PREFIX,
    });
    await this.flows.add({
      name: parent.name,
      queueName: JOBS[parent.name].queue,
      data: parent.payload,
      opts: this.options(parent.name, parent.payload, parent.jobId),
      children: children.map((c) => ({
        name: c.name,
        queueName: JOBS[c.name].queue,
        data: c.payload,
        opts: { ...this.options(c.name, c.payload, c.jobId), ignoreDependencyOnFailure: true },
      })),
    });
  }

  private options<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string): JobsOptions {
    assertValidJobId(jobId);
    const definition = JOBS[name];
    const options: JobsOptions = { jobId, ...this.retention(name) };
    if (definition.debounceKey) {
      options.delay = this.config.SCORING_DEBOUNCE_MS;
      options.deduplication = {
        id: definition.debounceKey(payload),
        replace: true,
        keepLastIfActive: true,
      };
    }
    return options;
  }

  // Every job's retries (attempts, exponential backoff) and how long finished jobs are kept.
  private retention(name: JobName): JobsOptions {
    const definition = JOBS[name];
    return {
      attempts: definition.attempts,
      backoff: {
        type: 'exponential',
        delay: definition.deliveryBackoff
          ? this.config.DELIVERY_RETRY_BASE_MS
          : definition.backoffMs,
      },
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.flows?.close();
    this.connection.disconnect();
  }
}
