import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { OutboxModule } from './outbox/outbox.module';
import { PersonalDataModule } from './personal-data/personal-data';
import { QueueModule } from './queue/queue.module';

// What every app needs: validated config, Postgres, the queues, the outbox and the event bus.
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    OutboxModule,
    EventsModule,
    PersonalDataModule,
  ],
  exports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    OutboxModule,
    EventsModule,
    PersonalDataModule,
  ],
})
export class CoreModule {}
