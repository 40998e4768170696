import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  AudienceOf,
  EventAudience,
  EventDefinition,
  EventsModule,
  OutboxService,
} from '@tsunagu/core';
import { NotificationSubscriber } from './notification-subscriber';
import { NOTIFIED_EVENTS } from './notified-events';

// A provider class with one @AudienceOf method per event given.
function audiencesFor(events: ReadonlyArray<EventDefinition>) {
  @Injectable()
  class Audiences {}
  for (const event of events) {
    const method = (): Promise<EventAudience | null> => Promise.resolve(null);
    Object.defineProperty(Audiences.prototype, event.name, { value: method });
    const descriptor = Object.getOwnPropertyDescriptor(Audiences.prototype, event.name)!;
    AudienceOf(event)(Audiences.prototype, event.name, descriptor);
  }
  return Audiences;
}

// The boot check of notifications: the process refuses to start unless every event it
// delivers has exactly one audience provider.
describe('NotificationSubscriber at boot', () => {
  const boot = async (providers: Array<new () => unknown>) => {
    const module = await Test.createTestingModule({
      imports: [EventsModule],
      providers: [NotificationSubscriber, OutboxService, ...providers],
    }).compile();
    try {
      await module.init();
    } finally {
      await module.close();
    }
  };

  it('starts when each notified event has one audience provider', async () => {
    await expect(boot([audiencesFor(NOTIFIED_EVENTS)])).resolves.toBeUndefined();
  });

  it('refuses to start when an event has none, or two', async () => {
    const [first, second, ...rest] = NOTIFIED_EVENTS;

    await expect(boot([audiencesFor([first, ...rest]), audiencesFor([first])])).rejects.toThrow(
      `Event audience check failed: event "${first.name}" has 2 audience providers; ` +
        `event "${second.name}" has no audience provider`,
    );
  });
});
