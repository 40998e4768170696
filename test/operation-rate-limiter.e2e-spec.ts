import { Logger } from '@nestjs/common';
import {
  AppConfig,
  AppError,
  OperationRateLimiter,
  RateLimiters,
  TooManyRequestsError,
} from '@tsunagu/core';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';

// Against the test run's Redis: the API's two budgets are spent with one call, and what that
// call counts is what rate-limiter-flexible's own consume and get see under the same keys.
describe('RateLimiters.consumeAll and OperationRateLimiter (Redis)', () => {
  let limiters: RateLimiters;
  let config: AppConfig;

  beforeAll(() => {
    config = Object.assign(new AppConfig(), {
      REDIS_URL: process.env.REDIS_URL!,
      QUEUE_PREFIX: `rate-test-${randomBytes(4).toString('hex')}`,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      RATE_LIMIT_USER_POINTS: 5,
      RATE_LIMIT_IP_POINTS: 8,
    });
    limiters = new RateLimiters(config);
  });

  afterAll(() => limiters.onApplicationShutdown());

  // Until the connection is up, limiters answer in memory: wait for it.
  async function ready(): Promise<void> {
    const { connection } = limiters as unknown as { connection: Redis };
    for (let i = 0; i < 200 && connection.status !== 'ready'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(connection.status).toBe('ready');
  }

  it('counts each key as consume does, refusing the one over its points with its wait', async () => {
    await ready();
    const a = limiters.create('a', { points: 5, durationSeconds: 60 });
    const b = limiters.create('b', { points: 3, durationSeconds: 30 });
    const both = (points: number) =>
      limiters.consumeAll([
        { limiter: a, key: 'k', points },
        { limiter: b, key: 'k', points },
      ]);

    const [first, second] = await both(2);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('fulfilled');
    const res = (first as PromiseFulfilledResult<RateLimiterRes>).value;
    expect(res).toBeInstanceOf(RateLimiterRes);
    expect(res).toMatchObject({ consumedPoints: 2, remainingPoints: 3, isFirstInDuration: true });
    expect(res.msBeforeNext).toBeGreaterThan(55_000);
    expect(res.msBeforeNext).toBeLessThanOrEqual(60_000);

    const [again, refused] = await both(2);
    expect(again).toMatchObject({
      status: 'fulfilled',
      value: { consumedPoints: 4, remainingPoints: 1, isFirstInDuration: false },
    });
    expect(refused.status).toBe('rejected');
    const refusal = (refused as PromiseRejectedResult).reason as RateLimiterRes;
    expect(refusal).toBeInstanceOf(RateLimiterRes);
    expect(refusal).toMatchObject({ consumedPoints: 4, remainingPoints: 0 });
    expect(refusal.msBeforeNext).toBeGreaterThan(25_000);
    expect(refusal.msBeforeNext).toBeLessThanOrEqual(30_000);

    // The same counters as the library's own calls.
    expect((await a.get('k'))?.consumedPoints).toBe(4);
    expect((await b.consume('k', 1).catch((e: RateLimiterRes) => e)).consumedPoints).toBe(5);
    expect((await a.consume('k', 1)).consumedPoints).toBe(5);
  });

  it("spends an operation's two budgets with one Redis command and refuses as before", async () => {
    await ready();
    const operations = new OperationRateLimiter(limiters, config);
    const sent = jest.spyOn(Redis.prototype, 'sendCommand');
    try {
      await operations.spend({ userId: 'user-1', address: '203.0.113.9' }, 3);
      expect(sent).toHaveBeenCalledTimes(1);
    } finally {
      sent.mockRestore();
    }
    // The user's budget (5) is exhausted by the next 3 points; the address's (8) is not.
    const error = await operations
      .spend({ userId: 'user-1', address: '203.0.113.9' }, 3)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as AppError).code).toBe('TOO_MANY_REQUESTS');
    // The address alone still has 2 points left; the one after those is refused too.
    await operations.spend({ address: '203.0.113.9' }, 2);
    await expect(operations.spend({ address: '203.0.113.9' }, 1)).rejects.toBeInstanceOf(
      TooManyRequestsError,
    );
    // Another user from another address is not touched by either.
    await operations.spend({ userId: 'user-2', address: '203.0.113.10' }, 5);
  });
});

// Redis away: both budgets are still counted, in memory, and refused over their points.
describe('RateLimiters.consumeAll while Redis is unreachable', () => {
  it('falls back to each limiter in memory', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const limiters = new RateLimiters(
      Object.assign(new AppConfig(), { REDIS_URL: 'redis://127.0.0.1:1' }),
    );
    try {
      const a = limiters.create('a', { points: 2, durationSeconds: 60 });
      const b = limiters.create('b', { points: 5, durationSeconds: 60 });
      const spends = [
        { limiter: a, key: 'k', points: 2 },
        { limiter: b, key: 'k', points: 2 },
      ];
      expect((await limiters.consumeAll(spends)).map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
      ]);
      expect((await limiters.consumeAll(spends)).map((o) => o.status)).toEqual([
        'rejected',
        'fulfilled',
      ]);
    } finally {
      await limiters.onApplicationShutdown();
      warn.mockRestore();
    }
  });
});
