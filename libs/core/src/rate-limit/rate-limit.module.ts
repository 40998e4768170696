import { Module } from '@nestjs/common';
import { OperationRateLimiter } from './operation-rate-limiter';
import { RateLimiters } from './rate-limiters';

// Imported by the API only (not part of CoreModule): the worker has nothing to limit and keeps
// no Redis connection for it.
@Module({
  providers: [RateLimiters, OperationRateLimiter],
  exports: [RateLimiters, OperationRateLimiter],
})
export class RateLimitModule {}
