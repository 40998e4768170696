import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { assertValidJobId, JobName, JobPayload, JOBS, QueueName } from './job-registry';
import { createRedisConnection } from './redis-connection';

// Producer side of BullMQ: typed enqueueing with per-job retry policy.
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

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

  // jobId is deterministic (derived from the outbox row), so adding twice is a no-op in BullMQ.
  async add<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string): Promise<void> {
    assertValidJobId(jobId);
    const definition = JOBS[name];
    const options: JobsOptions = {
      jobId,
      attempts: definition.attempts,
      backoff: { type: 'exponential', delay: definition.backoffMs },
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
    await this.queue(definition.queue).add(name, payload, options);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
