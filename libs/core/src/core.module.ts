import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';
import { ScoringRequestModule } from './scoring/scoring-request.module';

// What every app needs: validated config, Postgres, the queues, the outbox, the event bus and re-score
// requests.
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    OutboxModule,
    EventsModule,
    ScoringRequestModule,
  ],
  exports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    OutboxModule,
    EventsModule,
    ScoringRequestModule,
  ],
})
export class CoreModule {}
