import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';
import { ScoringRequestModule } from './scoring/scoring-request.module';

// What every app needs: validated config, Postgres, the queues, the outbox and re-score requests.
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, OutboxModule, ScoringRequestModule],
  exports: [ConfigModule, DatabaseModule, QueueModule, OutboxModule, ScoringRequestModule],
})
export class CoreModule {}
