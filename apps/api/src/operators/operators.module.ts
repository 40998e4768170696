import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@tsunagu/core';
import { IdentityModule } from '@tsunagu/identity';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health.controller';
import { QueueDashboard } from './queue-dashboard';
import { QueueDashboardGuard } from './queue-dashboard-guard';
import { DashboardPasswordCheck } from './queue-dashboard-password-check';
import { QueueLagHealthIndicator } from './queue-lag.health';
import { RedisHealthIndicator } from './redis.health';
import { requestLoggingParams } from './request-logging';

// What operators rely on: /health, structured request logs, and the queue dashboard for
// platform admins at /admin/queues.
@Module({
  imports: [
    TerminusModule,
    IdentityModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: requestLoggingParams }),
  ],
  controllers: [HealthController],
  providers: [
    RedisHealthIndicator,
    QueueLagHealthIndicator,
    DashboardPasswordCheck,
    QueueDashboardGuard,
    QueueDashboard,
  ],
})
export class OperatorsModule {}
