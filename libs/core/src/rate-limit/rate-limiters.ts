import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { createRedisConnection } from '../queue/redis-connection';

export interface LimiterOptions {
  points: number;
  durationSeconds: number;
}

// Makes the Redis-backed limiters, so every API instance counts against the same budgets.
//
// While Redis is away each limiter falls back to an in-memory limiter of the same shape in this
// instance (rate-limiter-flexible's insurance limiter), and a warning is logged. Failing open
// would turn a Redis outage into unlimited password guessing; failing closed would stop every
// sign-in and request because of a counter. Per instance, N instances allow up to N times the
// budget for the length of the outage, which is the price of staying up.
@Injectable()
export class RateLimiters implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiters.name);
  private readonly connection: Redis;
  private degraded = false;

  constructor(private readonly config: AppConfig) {
    // No offline queue and one retry: while Redis is away a command fails at once and the
    // insurance limiter answers, rather than requests waiting for a reconnect.
    this.connection = createRedisConnection(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.connection.on('error', (error: Error) => {
      if (this.degraded) return;
      this.degraded = true;
      this.logger.warn(
        `Redis unavailable (${error.message}): rate limits are counted in memory, per instance, until it is back`,
      );
    });
    this.connection.on('ready', () => {
      if (!this.degraded) return;
      this.degraded = false;
      this.logger.log('Redis is back: rate limits are shared by all instances again');
    });
  }

  // Keys live under the deployment's prefix, so deployments and test runs sharing one Redis do
  // not count against each other.
  create(name: string, options: LimiterOptions): RateLimiterRedis {
    const shape = { points: options.points, duration: options.durationSeconds };
    return new RateLimiterRedis({
      ...shape,
      storeClient: this.connection,
      keyPrefix: `${this.config.QUEUE_PREFIX}:rate-limit:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ ...shape, keyPrefix: name }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection.status !== 'ready') return this.connection.disconnect();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
