import { Injectable } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { defineEvent, EventOf } from './domain-event';
import {
  AudienceOf,
  checkAudienceProviders,
  EventAudience,
  EventAudiences,
  RecipientRole,
} from './event-audience';
import { EventsModule } from './events.module';

describe('checkAudienceProviders', () => {
  const delivered = ['PROJECT_PAUSED', 'APPLICATION_SUBMITTED'];

  it('reports nothing when every delivered event has exactly one provider', () => {
    expect(checkAudienceProviders(delivered, ['APPLICATION_SUBMITTED', 'PROJECT_PAUSED'])).toEqual(
      [],
    );
  });

  it('reports a delivered event nobody provides the audience of', () => {
    expect(checkAudienceProviders(delivered, ['PROJECT_PAUSED'])).toEqual([
      'event "APPLICATION_SUBMITTED" has no audience provider',
    ]);
  });

  it('reports an event with two providers', () => {
    expect(
      checkAudienceProviders(delivered, [
        'PROJECT_PAUSED',
        'APPLICATION_SUBMITTED',
        'PROJECT_PAUSED',
      ]),
    ).toEqual(['event "PROJECT_PAUSED" has 2 audience providers']);
  });

  it('leaves alone providers of events this consumer does not deliver', () => {
    expect(checkAudienceProviders(['PROJECT_PAUSED'], ['PROJECT_PAUSED', 'OTHER'])).toEqual([]);
  });

  it('reports every problem together', () => {
    expect(checkAudienceProviders(delivered, [])).toEqual([
      'event "PROJECT_PAUSED" has no audience provider',
      'event "APPLICATION_SUBMITTED" has no audience provider',
    ]);
  });
});

const THING_HAPPENED = defineEvent<{ thingId: string }>()('THING_HAPPENED');
const OTHER_THING = defineEvent<{ otherId: string }>()('OTHER_THING');

@Injectable()
class ThingAudience {
  @AudienceOf(THING_HAPPENED)
  async thing({ payload }: EventOf<typeof THING_HAPPENED>): Promise<EventAudience | null> {
    await Promise.resolve();
    return {
      vars: { thing: payload.thingId },
      links: {},
      recipients: [{ userId: 'u1', role: RecipientRole.PARTICIPANT }],
      organizationIds: [],
    };
  }
}

@Injectable()
class AnotherThingAudience {
  @AudienceOf(THING_HAPPENED)
  thing(_event: EventOf<typeof THING_HAPPENED>): Promise<EventAudience | null> {
    return Promise.resolve(null);
  }
}

describe('EventAudiences', () => {
  const modules: TestingModule[] = [];
  const audiencesOf = async (providers: Array<new (...args: never[]) => unknown>) => {
    const module = await Test.createTestingModule({ imports: [EventsModule], providers }).compile();
    modules.push(module);
    return module.get(EventAudiences);
  };

  afterAll(() => Promise.all(modules.map((m) => m.close())));
  const occurrence = (type: string, payload: unknown) => ({
    key: 'k',
    type,
    payload,
    occurredAt: new Date().toISOString(),
  });

  it('finds the provider marked for an event and asks it', async () => {
    const audiences = await audiencesOf([ThingAudience]);

    expect(audiences.providedEvents()).toEqual(['THING_HAPPENED']);
    await expect(
      audiences.resolve(occurrence('THING_HAPPENED', { thingId: 't1' })),
    ).resolves.toEqual(expect.objectContaining({ vars: { thing: 't1' } }));
    await expect(audiences.resolve(occurrence(OTHER_THING.name, { otherId: 'o' }))).rejects.toThrow(
      'event "OTHER_THING" needs exactly one audience provider',
    );
  });

  it('shows two providers of one event to the boot check, and asks neither', async () => {
    const audiences = await audiencesOf([ThingAudience, AnotherThingAudience]);

    expect(checkAudienceProviders(['THING_HAPPENED'], audiences.providedEvents())).toEqual([
      'event "THING_HAPPENED" has 2 audience providers',
    ]);
    await expect(
      audiences.resolve(occurrence('THING_HAPPENED', { thingId: 't1' })),
    ).rejects.toThrow(/exactly one/);
  });
});
