import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';

// What every app needs: validated config, Postgres, the queues and the outbox.
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, OutboxModule],
  exports: [ConfigModule, DatabaseModule, QueueModule, OutboxModule],
})
export class CoreModule {}
