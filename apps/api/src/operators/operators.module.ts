import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@tsunagu/core';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health.controller';
import { QueueLagHealthIndicator } from './queue-lag.health';
import { RedisHealthIndicator } from './redis.health';
import { requestLoggingParams } from './request-logging';

// What operators rely on: /health and structured request logs.
@Module({
  imports: [
    TerminusModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: requestLoggingParams }),
  ],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, QueueLagHealthIndicator],
})
export class OperatorsModule {}
