import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainEvent, EventDefinition, EventOf, eventKey } from './domain-event';
import { MethodDiscovery } from './method-discovery';

export const EVENT_SUBSCRIBER = 'tsunagu:event-subscriber';

type Subscriber = (manager: EntityManager, event: DomainEvent) => Promise<void>;

// Marks a provider method as a subscriber of one or more events. It runs inside the publisher's
// transaction with that transaction's manager: whatever it records (outbox rows, revisions)
// commits or rolls back with the change, and a subscriber that throws undoes the change.
export function OnEvent<E extends ReadonlyArray<EventDefinition<string, unknown>>>(...events: E) {
  const names = events.map((e) => e.name);
  return (
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<
      (manager: EntityManager, event: EventOf<E[number]>) => Promise<void>
    >,
  ): void => {
    Reflect.defineMetadata(EVENT_SUBSCRIBER, names, descriptor.value!);
  };
}

// The in-transaction event bus: a rule publishes an event in the transaction of its change, and
// every subscriber of the event runs then and there, in the order the providers were found.
@Injectable()
export class DomainEventPublisher {
  private subscribers?: Map<string, Subscriber[]>;

  constructor(private readonly methods: MethodDiscovery) {}

  // keyParts make the event's key (see eventKey): give them when the occurrence must be recorded
  // once however often it is published (sweeps, retries); without them the key is unique.
  async publish<N extends string, P>(
    manager: EntityManager,
    event: EventDefinition<N, P>,
    payload: NoInfer<P>,
    keyParts: ReadonlyArray<string> = [randomUUID()],
  ): Promise<string> {
    const occurrence: DomainEvent<N, P> = {
      key: eventKey(event.name, keyParts),
      type: event.name,
      payload,
      occurredAt: new Date().toISOString(),
    };
    for (const subscriber of this.subscribersOf(event.name)) {
      await subscriber(manager, occurrence);
    }
    return occurrence.key;
  }

  // Found on first use: by then every provider exists, whichever module publishes first.
  subscribersOf(name: string): readonly Subscriber[] {
    if (!this.subscribers) {
      const table = new Map<string, Subscriber[]>();
      for (const { metadata, method } of this.methods.find<string[]>(EVENT_SUBSCRIBER)) {
        for (const eventName of metadata) {
          table.set(eventName, [...(table.get(eventName) ?? []), method as Subscriber]);
        }
      }
      this.subscribers = table;
    }
    return this.subscribers.get(name) ?? [];
  }
}
