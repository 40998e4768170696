import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import {
  DomainEvent,
  eventKey,
  NotificationEventPayloads,
  NotificationEventType,
} from './notification-events';

// Records a domain event in the caller's transaction: it reaches the notification worker after
// commit through the outbox, or not at all when the change rolls back. Recording the same key
// twice is a no-op, so sweeps and retries may call it freely.
@Injectable()
export class DomainEventPublisher {
  constructor(private readonly outbox: OutboxService) {}

  async publish<T extends NotificationEventType>(
    manager: EntityManager,
    type: T,
    payload: NotificationEventPayloads[T],
    keyParts: ReadonlyArray<string>,
  ): Promise<string> {
    const event: DomainEvent<T> = {
      key: eventKey(type, keyParts),
      type,
      payload,
      occurredAt: new Date().toISOString(),
    };
    await this.outbox.add(manager, 'notify.event', { event }, `event.${event.key}`);
    return event.key;
  }
}
