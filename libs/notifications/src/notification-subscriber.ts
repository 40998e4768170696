import { Injectable } from '@nestjs/common';
import { DomainEvent, OnEvent, OutboxService } from '@tsunagu/core';
import { EntityManager } from 'typeorm';
import { NOTIFIED_EVENTS } from './notified-events';

// Hears every notified event in the transaction that publishes it and records one
// 'notify.event' job through the outbox: it reaches the notification worker after commit, or
// not at all when the change rolls back. The job id is the event key, so publishing the same
// occurrence twice (a sweep re-run) queues it once.
@Injectable()
export class NotificationSubscriber {
  constructor(private readonly outbox: OutboxService) {}

  @OnEvent(...NOTIFIED_EVENTS)
  async record(manager: EntityManager, event: DomainEvent): Promise<void> {
    await this.outbox.add(manager, 'notify.event', { event }, `event.${event.key}`);
  }
}
