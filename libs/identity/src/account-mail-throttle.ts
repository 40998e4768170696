import { Injectable } from '@nestjs/common';
import { consumeOrRefusal, hashedKey, RateLimiters, TooManyRequestsError } from '@tsunagu/core';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { normalizeEmail } from './auth.service';

// Mails per account (or asked-for address) per hour: enough to retry a lost one, too few to
// make Tsunagu flood someone's inbox.
export const ACCOUNT_MAILS_PER_HOUR = 5;

// Limits what sends account e-mails on request (resend verification, password reset, e-mail
// change), counted in Redis across API instances. Keys are hashed: Redis holds no address.
// Known and unknown addresses are counted alike, so a refusal tells nothing about who is
// registered.
@Injectable()
export class AccountMailThrottle {
  private readonly limiter: RateLimiterRedis;

  constructor(limiters: RateLimiters) {
    this.limiter = limiters.create('account-mail', {
      points: ACCOUNT_MAILS_PER_HOUR,
      durationSeconds: 3600,
    });
  }

  forUser(userId: string): Promise<void> {
    return this.spend(`user:${userId}`);
  }

  forAddress(email: string): Promise<void> {
    return this.spend(`address:${hashedKey(normalizeEmail(email))}`);
  }

  private async spend(key: string): Promise<void> {
    const refusal = await consumeOrRefusal(this.limiter, key);
    if (refusal) {
      throw TooManyRequestsError.after(
        'Too many e-mails asked for; try again later',
        refusal.msBeforeNext,
      );
    }
  }
}
