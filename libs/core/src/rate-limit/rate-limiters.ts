import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { createRedisConnection } from '../queue/redis-connection';

export interface LimiterOptions {
  points: number;
  durationSeconds: number;
}

// Points to spend from one key of a limiter made by RateLimiters.create.
export interface Spend {
  limiter: RateLimiterRedis;
  key: string;
  points: number;
}

// rate-limiter-flexible's own consume script (RateLimiterRedis), once per key: the counter
// starts at 0 for the window if absent, grows by the points, and its time to live is returned.
// ARGV holds each key's points and window in seconds, in the order of KEYS.
const CONSUME_ALL_SCRIPT = `
local result = {}
for i, key in ipairs(KEYS) do
  local points, seconds = ARGV[2 * i - 1], ARGV[2 * i]
  redis.call('set', key, 0, 'EX', seconds, 'NX')
  local consumed = redis.call('incrby', key, points)
  local ttl = redis.call('pttl', key)
  if ttl == -1 then
    redis.call('expire', key, seconds)
    ttl = 1000 * seconds
  end
  result[2 * i - 1] = consumed
  result[2 * i] = ttl
end
return result
`;

type ConsumeAllConnection = Redis & {
  tsunaguConsumeAll(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<number[]>;
};

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
  private readonly connection: ConsumeAllConnection;
  private degraded = false;
  // Each limiter's in-memory insurance, for consumeAll when Redis fails.
  private readonly insurance = new WeakMap<RateLimiterRedis, RateLimiterMemory>();

  constructor(private readonly config: AppConfig) {
    // No offline queue and one retry: while Redis is away a command fails at once and the
    // insurance limiter answers, rather than requests waiting for a reconnect.
    this.connection = createRedisConnection(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    }) as ConsumeAllConnection;
    this.connection.defineCommand('tsunaguConsumeAll', { lua: CONSUME_ALL_SCRIPT });
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
    const insuranceLimiter = new RateLimiterMemory({ ...shape, keyPrefix: name });
    const limiter = new RateLimiterRedis({
      ...shape,
      storeClient: this.connection,
      keyPrefix: `${this.config.QUEUE_PREFIX}:rate-limit:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter,
    });
    this.insurance.set(limiter, insuranceLimiter);
    return limiter;
  }

  // Spends from several limiters at once, with one Redis call instead of one per key (the API
  // pays both its budgets on every request). Each outcome is what that limiter's consume would
  // have settled to: the RateLimiterRes, rejected when over its points. While Redis is not ready
  // each limiter answers on its own (its in-memory insurance); if the call fails, each spend
  // goes to its insurance limiter, as consume does when its store fails.
  async consumeAll(spends: readonly Spend[]): Promise<PromiseSettledResult<RateLimiterRes>[]> {
    const consumeEach = (spend: Spend) => spend.limiter.consume(spend.key, spend.points);
    if (
      spends.length < 2 ||
      this.connection.status !== 'ready' ||
      spends.some(
        (s) =>
          s.limiter.duration <= 0 || !Number.isInteger(s.points) || !this.insurance.has(s.limiter),
      )
    ) {
      return Promise.allSettled(spends.map(consumeEach));
    }
    let stored: number[];
    try {
      stored = await this.connection.tsunaguConsumeAll(
        spends.length,
        ...spends.map((s) => s.limiter.getKey(s.key)),
        ...spends.flatMap((s) => [s.points, s.limiter.duration]),
      );
    } catch {
      return Promise.allSettled(
        spends.map((s) => this.insurance.get(s.limiter)!.consume(s.key, s.points)),
      );
    }
    return spends.map((spend, i) => {
      const consumed = Number(stored[2 * i]);
      const res = new RateLimiterRes(
        Math.max(spend.limiter.points - consumed, 0),
        Number(stored[2 * i + 1]),
        consumed,
        consumed === spend.points,
      );
      return consumed > spend.limiter.points
        ? { status: 'rejected', reason: res }
        : { status: 'fulfilled', value: res };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection.status !== 'ready') return this.connection.disconnect();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
