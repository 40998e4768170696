import { Injectable, Module } from '@nestjs/common';
import {
  AppConfig,
  RateLimiters,
  RateLimitModule,
  refusalOf,
  TooManyRequestsError,
} from '@tsunagu/core';
import { RateLimiterRedis } from 'rate-limiter-flexible';

// Sending is limited per person across threads (MESSAGES_PER_USER_PER_MINUTE), counted in Redis
// so every API instance shares the budget. A refused send still counts.
@Injectable()
export class MessageThrottle {
  private readonly perUser: RateLimiterRedis;

  constructor(limiters: RateLimiters, config: AppConfig) {
    this.perUser = limiters.create('messages:user', {
      points: config.MESSAGES_PER_USER_PER_MINUTE,
      durationSeconds: 60,
    });
  }

  async send<T>(userId: string, sending: () => Promise<T>): Promise<T> {
    const [outcome] = await Promise.allSettled([this.perUser.consume(userId, 1)]);
    const refusal = refusalOf(outcome);
    if (refusal) {
      throw TooManyRequestsError.after(
        'You are sending messages too quickly; wait a moment',
        refusal.msBeforeNext,
      );
    }
    return sending();
  }
}

// Only the API sends messages: the worker loads ConversationsModule without this.
@Module({
  imports: [RateLimitModule],
  providers: [MessageThrottle],
  exports: [MessageThrottle],
})
export class MessageThrottleModule {}
