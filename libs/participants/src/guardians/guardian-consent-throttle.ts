import { Injectable, Module } from '@nestjs/common';
import {
  consumeOrRefusal,
  RateLimiters,
  RateLimitModule,
  TooManyRequestsError,
} from '@tsunagu/core';
import { RateLimiterRedis } from 'rate-limiter-flexible';

// Re-sends per request and hour: enough to recover a lost mail, too few to pester a parent.
export const CONSENT_RESENDS_PER_HOUR = 3;

// Limits how often a participant has their guardian's consent mail sent again, counted in Redis
// across API instances.
@Injectable()
export class GuardianConsentThrottle {
  private readonly limiter: RateLimiterRedis;

  constructor(limiters: RateLimiters) {
    this.limiter = limiters.create('guardian-consent-resend', {
      points: CONSENT_RESENDS_PER_HOUR,
      durationSeconds: 3600,
    });
  }

  async forConsent(consentId: string): Promise<void> {
    const refusal = await consumeOrRefusal(this.limiter, `consent:${consentId}`);
    if (refusal) {
      throw TooManyRequestsError.after(
        'Too many e-mails asked for; try again later',
        refusal.msBeforeNext,
      );
    }
  }
}

// Only the API re-sends on request: the worker has no Redis connection for limits.
@Module({
  imports: [RateLimitModule],
  providers: [GuardianConsentThrottle],
  exports: [GuardianConsentThrottle],
})
export class GuardianConsentThrottleModule {}
