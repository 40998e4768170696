import { Injectable } from '@nestjs/common';
import { consumeOrRefusal, RateLimiters, TooManyRequestsError } from '@tsunagu/core';
import { RateLimiterRedis } from 'rate-limiter-flexible';

// "Download my data" per account per hour: enough to fetch it again, too few for the export
// (which reads every context's tables) to become a way to load the database.
export const PERSONAL_DATA_EXPORTS_PER_HOUR = 5;

// Counted in Redis across API instances, apart from the general operation budget, whose
// per-minute points are far too many for an operation this heavy.
@Injectable()
export class PersonalDataExportThrottle {
  private readonly limiter: RateLimiterRedis;

  constructor(limiters: RateLimiters) {
    this.limiter = limiters.create('personal-data-export', {
      points: PERSONAL_DATA_EXPORTS_PER_HOUR,
      durationSeconds: 3600,
    });
  }

  async forUser(userId: string): Promise<void> {
    const refusal = await consumeOrRefusal(this.limiter, userId);
    if (refusal) {
      throw TooManyRequestsError.after(
        'Your data was downloaded several times this hour; try again later',
        refusal.msBeforeNext,
      );
    }
  }
}
