import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  checkAudienceProviders,
  DomainEvent,
  EventAudiences,
  OnEvent,
  OutboxService,
} from '@tsunagu/core';
import { EntityManager } from 'typeorm';
import { eventJobId } from './delivery-job-ids';
import { NOTIFICATION_EVENT_TYPES, NOTIFIED_EVENTS } from './notified-events';

// Hears every notified event in the transaction that publishes it and records one
// 'notify.event' job through the outbox: it reaches the notification worker after commit, or
// not at all when the change rolls back. The job id is the event key, so publishing the same
// occurrence twice (a sweep re-run) queues it once.
@Injectable()
export class NotificationSubscriber implements OnApplicationBootstrap {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audiences: EventAudiences,
  ) {}

  @OnEvent(...NOTIFIED_EVENTS)
  async record(manager: EntityManager, event: DomainEvent): Promise<void> {
    await this.outbox.add(manager, 'notify.event', { event }, eventJobId(event));
  }

  // No process starts with an event nobody can address.
  onApplicationBootstrap(): void {
    const problems = checkAudienceProviders(
      NOTIFICATION_EVENT_TYPES,
      this.audiences.providedEvents(),
    );
    if (problems.length) throw new Error(`Event audience check failed: ${problems.join('; ')}`);
  }
}
