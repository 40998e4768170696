import { Logger } from '@nestjs/common';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { createServer } from 'node:net';
import { RateLimiters } from './rate-limiters';

// A loopback port the kernel just handed out and we released: nothing listens there.
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Redis away: nothing listens on the port. The limits must still hold (in memory, per
// instance) and requests must not wait for a reconnect.
describe('RateLimiters while Redis is unreachable', () => {
  let limiters: RateLimiters;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const config = Object.assign(new AppConfig(), {
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
    });
    limiters = new RateLimiters(config);
  });

  afterAll(async () => {
    await limiters.onApplicationShutdown();
    warn.mockRestore();
  });

  it('keeps counting in memory, refuses over the limit, and answers at once', async () => {
    const limiter = limiters.create('test', { points: 3, durationSeconds: 60 });
    const started = Date.now();
    for (let i = 0; i < 3; i++) await limiter.consume('client');
    const refusal: unknown = await limiter.consume('client').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RateLimiterRes);
    expect((refusal as RateLimiterRes).msBeforeNext).toBeGreaterThan(50_000);
    // Another key has its own budget.
    await expect(limiter.consume('other')).resolves.toBeInstanceOf(RateLimiterRes);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('logs a warning that limits are per instance', async () => {
    await new Promise((r) => setTimeout(r, 200));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/in memory, per instance/));
  });
});
