import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventAudiences } from './event-audience';
import { DomainEventPublisher } from './event-bus';
import { MethodDiscovery } from './method-discovery';

// How a change travels (one hop to the queue, exactly once per event key):
//  1. a context's rule changes rows and publishes its event (declared beside the rule, e.g.
//     projects/project-events.ts) with DomainEventPublisher.publish(manager, EVENT, payload, key)
//  2. in that same transaction each @OnEvent subscriber runs: notifications records a
//     'notify.event' outbox row, scoring bumps a revision and records a debounced score job
//  3. after commit the outbox relay (in the worker) puts the rows on their BullMQ queues
//  4. the job runs: 'notify.event' asks EventAudiences for the @AudienceOf provider of the
//     event (in the owning context), which says who hears of it, in which capacity, with what
//  5. notifications plans one delivery per recipient and channel, and per subscribed webhook.
// A rollback anywhere before commit leaves no row, no job and no delivery.
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [MethodDiscovery, DomainEventPublisher, EventAudiences],
  // MethodDiscovery too: the personal-data export finds its readers with the same one.
  exports: [MethodDiscovery, DomainEventPublisher, EventAudiences],
})
export class EventsModule {}
