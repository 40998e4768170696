import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { DomainEventPublisher } from '../events/domain-event.publisher';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxService, OutboxRelay, DomainEventPublisher],
  exports: [OutboxService, OutboxRelay, DomainEventPublisher],
})
export class OutboxModule {}
