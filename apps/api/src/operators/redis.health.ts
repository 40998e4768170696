import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QueueService } from '@tsunagu/core';

// Pings Redis through the queues' own connection, so a green check means enqueueing can work.
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly queues: QueueService,
  ) {}

  pingCheck<const Key extends string>(key: Key) {
    return this.health.check(key).attempt(() => this.queues.ping());
  }
}
