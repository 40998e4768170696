import { createHash } from 'node:crypto';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

// The points an operation spends: its cost in whole points, at least 1, and never more than the
// whole budget, so an operation the cost limit lets through can always run on a fresh budget
// (it then spends all of it).
export function pointsFor(cost: number | undefined, budget: number): number {
  if (cost === undefined || !Number.isFinite(cost) || cost < 1) return 1;
  return Math.min(Math.ceil(cost), budget);
}

// rate-limiter-flexible rejects with a RateLimiterRes when a limit is reached and with an Error
// when its store fails (and the insurance limiter failed too): only the first is a refusal.
export function refusalOf(outcome: PromiseSettledResult<unknown>): RateLimiterRes | undefined {
  if (outcome.status === 'fulfilled') return undefined;
  if (outcome.reason instanceof RateLimiterRes) return outcome.reason;
  throw outcome.reason;
}

// Spends points of one key: the refusal when its limit is reached, undefined when they were
// spent (a store failure is rethrown, as refusalOf does).
export async function consumeOrRefusal(
  limiter: Pick<RateLimiterAbstract, 'consume'>,
  key: string,
  points = 1,
): Promise<RateLimiterRes | undefined> {
  return refusalOf((await Promise.allSettled([limiter.consume(key, points)]))[0]);
}

// The key under which a limit counts something Redis should not hold in clear (an e-mail
// address): its SHA-256, in hex.
export function hashedKey(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
