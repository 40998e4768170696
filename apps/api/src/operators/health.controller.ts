import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/authorisation';
import { QueueLagHealthIndicator } from './queue-lag.health';
import { RedisHealthIndicator } from './redis.health';

const CHECK_TIMEOUT_MS = 2000;

// For load balancers and monitoring: 200 when every check is up, 503 with the details otherwise.
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queueLag: QueueLagHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS),
      () => this.redis.pingCheck('redis').withTimeout(CHECK_TIMEOUT_MS),
      () => this.queueLag.isHealthy('queues'),
    ]);
  }
}
