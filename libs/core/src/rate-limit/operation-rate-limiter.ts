import { Injectable } from '@nestjs/common';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../errors/app-error';
import { pointsFor, refusalOf } from './rate-limit-rules';
import { RateLimiters, Spend } from './rate-limiters';

// Who sends an operation: the signed-in user (if any) and the client's address (if known).
export interface OperationClient {
  userId?: string;
  address?: string;
}

// Budgets of query-cost points per user and per client address, renewed every window.
@Injectable()
export class OperationRateLimiter {
  private readonly perUser: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(
    private readonly limiters: RateLimiters,
    config: AppConfig,
  ) {
    const durationSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
    this.perUser = limiters.create('operations:user', {
      points: config.RATE_LIMIT_USER_POINTS,
      durationSeconds,
    });
    this.perAddress = limiters.create('operations:ip', {
      points: config.RATE_LIMIT_IP_POINTS,
      durationSeconds,
    });
  }

  // Spends the operation's cost from both budgets, or throws TOO_MANY_REQUESTS naming the wait
  // until the exhausted one renews. A refused operation still counts: a client that keeps
  // sending stays refused.
  // Both budgets are spent with one Redis call.
  async spend(client: OperationClient, cost: number | undefined): Promise<void> {
    const spends: Spend[] = [];
    if (client.userId) {
      spends.push({
        limiter: this.perUser,
        key: client.userId,
        points: pointsFor(cost, this.perUser.points),
      });
    }
    if (client.address) {
      spends.push({
        limiter: this.perAddress,
        key: client.address,
        points: pointsFor(cost, this.perAddress.points),
      });
    }
    const outcomes = await this.limiters.consumeAll(spends);
    const refusals = outcomes.map(refusalOf).filter((r) => r !== undefined);
    if (refusals.length === 0) return;
    const waitMs = Math.max(...refusals.map((r) => r.msBeforeNext));
    throw TooManyRequestsError.after('Too many requests; try again later', waitMs);
  }
}
