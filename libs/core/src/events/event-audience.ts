import { Injectable } from '@nestjs/common';
import { DomainEvent, EventDefinition } from './domain-event';
import { MethodDiscovery } from './method-discovery';

// In which capacity a person hears of an event: it picks the default channels and lets a
// participant and a staff member get different wording.
export enum RecipientRole {
  PARTICIPANT = 'PARTICIPANT',
  REGION = 'REGION',
  INTERMEDIARY = 'INTERMEDIARY',
}

export interface Recipient {
  userId: string;
  role: RecipientRole;
  // The organisation they hear of it for (staff), so a link can lead into its workspace.
  organizationId?: string;
}

// Who hears of one occurrence of an event and what they are told, as the context that owns the
// event sees it: read when the event is delivered, not when it is published.
export interface EventAudience {
  vars: Record<string, string>;
  links: Record<string, string>;
  recipients: Recipient[];
  // Organisations whose webhooks may receive the event.
  organizationIds: string[];
}

export const EVENT_AUDIENCE = 'tsunagu:event-audience';

type AudienceProvider = (event: DomainEvent) => Promise<EventAudience | null>;

// Marks a provider method as the audience of one event, in the context that declares the event.
// It answers null when the event's subject is gone (deleted since), and the event is dropped.
export function AudienceOf<N extends string, P>(event: EventDefinition<N, P>) {
  return (
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<
      (event: DomainEvent<N, P>) => Promise<EventAudience | null>
    >,
  ): void => {
    Reflect.defineMetadata(EVENT_AUDIENCE, event.name, descriptor.value!);
  };
}

// The port through which a consumer (notifications) learns who hears of an event without
// knowing the tables of the context that owns it.
@Injectable()
export class EventAudiences {
  private providers?: Map<string, AudienceProvider[]>;

  constructor(private readonly methods: MethodDiscovery) {}

  async resolve(event: DomainEvent): Promise<EventAudience | null> {
    const [provider, ...more] = this.table().get(event.type) ?? [];
    if (!provider || more.length) {
      throw new Error(`event "${event.type}" needs exactly one audience provider`);
    }
    return provider(event);
  }

  // One entry per provider found, so a duplicate shows.
  providedEvents(): string[] {
    return [...this.table()].flatMap(([name, providers]) => providers.map(() => name));
  }

  private table(): Map<string, AudienceProvider[]> {
    if (!this.providers) {
      const table = new Map<string, AudienceProvider[]>();
      for (const { metadata, method } of this.methods.find<string>(EVENT_AUDIENCE)) {
        table.set(metadata, [...(table.get(metadata) ?? []), method as AudienceProvider]);
      }
      this.providers = table;
    }
    return this.providers;
  }
}

// The boot check of a consumer: each event it delivers has exactly one audience provider.
// Providers for events it does not deliver are left alone (another consumer may use them).
export function checkAudienceProviders(
  delivered: readonly string[],
  provided: readonly string[],
): string[] {
  const counts = new Map<string, number>();
  for (const name of provided) counts.set(name, (counts.get(name) ?? 0) + 1);
  const problems: string[] = [];
  for (const name of delivered) {
    const count = counts.get(name) ?? 0;
    if (count === 0) problems.push(`event "${name}" has no audience provider`);
    if (count > 1) problems.push(`event "${name}" has ${count} audience providers`);
  }
  return problems;
}
