import { RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../errors/app-error';
import { consumeOrRefusal, hashedKey, pointsFor, refusalOf } from './rate-limit-rules';

describe('pointsFor', () => {
  it('spends the cost in whole points, 1 when there is none', () => {
    expect(pointsFor(undefined, 100)).toBe(1);
    expect(pointsFor(0, 100)).toBe(1);
    expect(pointsFor(-5, 100)).toBe(1);
    expect(pointsFor(Number.NaN, 100)).toBe(1);
    expect(pointsFor(Number.POSITIVE_INFINITY, 100)).toBe(1);
    expect(pointsFor(1, 100)).toBe(1);
    expect(pointsFor(2.1, 100)).toBe(3);
    expect(pointsFor(42, 100)).toBe(42);
  });

  it('never spends more than the whole budget', () => {
    expect(pointsFor(100, 100)).toBe(100);
    expect(pointsFor(1_000_000, 100)).toBe(100);
  });
});

describe('refusalOf', () => {
  it('tells a refusal from a success', () => {
    const refused = new RateLimiterRes(0, 1500);
    expect(refusalOf({ status: 'rejected', reason: refused })).toBe(refused);
    expect(refusalOf({ status: 'fulfilled', value: new RateLimiterRes() })).toBeUndefined();
  });

  it('rethrows a store failure rather than calling it a refusal', () => {
    const failure = new Error('Redis connection is not ready');
    expect(() => refusalOf({ status: 'rejected', reason: failure })).toThrow(failure);
  });
});

describe('consumeOrRefusal', () => {
  it('spends the points of the key and answers the refusal, if any', async () => {
    const refused = new RateLimiterRes(0, 1500);
    const consume = jest
      .fn()
      .mockResolvedValueOnce(new RateLimiterRes())
      .mockRejectedValueOnce(refused);
    const limiter = { consume };

    await expect(consumeOrRefusal(limiter, 'user:1')).resolves.toBeUndefined();
    await expect(consumeOrRefusal(limiter, 'user:1', 3)).resolves.toBe(refused);
    expect(consume.mock.calls).toEqual([
      ['user:1', 1],
      ['user:1', 3],
    ]);
  });

  it('rethrows a store failure', async () => {
    const failure = new Error('Redis connection is not ready');
    const limiter = { consume: () => Promise.reject(failure) };

    await expect(consumeOrRefusal(limiter, 'user:1')).rejects.toBe(failure);
  });
});

describe('hashedKey', () => {
  it('keeps the value out of the key, the same value giving the same key', () => {
    const key = hashedKey('someone@example.jp');

    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('someone');
    expect(hashedKey('someone@example.jp')).toBe(key);
    expect(hashedKey('other@example.jp')).not.toBe(key);
  });
});

describe('TooManyRequestsError', () => {
  it('asks for whole seconds, at least one, with HTTP 429 and Retry-After', () => {
    expect(TooManyRequestsError.after('x', 1).retryAfterSeconds).toBe(1);
    expect(TooManyRequestsError.after('x', 0).retryAfterSeconds).toBe(1);
    expect(TooManyRequestsError.after('x', 1001).retryAfterSeconds).toBe(2);
    const error = TooManyRequestsError.after('x', 30_000);
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.extensions.http.status).toBe(429);
    expect(error.extensions.http.headers.get('retry-after')).toBe('30');
  });
});
