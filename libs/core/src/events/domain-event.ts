// An event a context declares beside the rule that produces it: its name and, as a type only,
// its payload. Payloads carry ids; whoever reacts reads the rest.
//   export const PROJECT_PAUSED = defineEvent<{ projectId: string; pausedAt: string }>()(
//     'PROJECT_PAUSED',
//   );
export interface EventDefinition<N extends string = string, P = unknown> {
  readonly name: N;
  // Never set: carries the payload type to publish(), subscribers and audiences.
  readonly payload?: P;
}

export function defineEvent<P extends object>() {
  return <N extends string>(name: N): EventDefinition<N, P> => ({ name });
}

// One occurrence of an event, as subscribers receive it and as the outbox carries it.
export interface DomainEvent<N extends string = string, P = unknown> {
  // Unique per occurrence, e.g. "application-submitted.<id>": the idempotency key of everything
  // the event causes (one in-app notification, one e-mail, one webhook call per target).
  key: string;
  type: N;
  payload: P;
  occurredAt: string;
}

// The occurrence of a definition, or of any of a union of definitions.
export type EventOf<E> = E extends EventDefinition<infer N, infer P> ? DomainEvent<N, P> : never;

// "ENGAGEMENT_STATUS_CHANGED" + ["<id>", "<id>"] -> "engagement-status-changed.<id>.<id>"
export function eventKey(type: string, parts: ReadonlyArray<string>): string {
  const key = [type.toLowerCase().replaceAll('_', '-'), ...parts].join('.');
  if (!/^[A-Za-z0-9._-]+$/.test(key)) {
    throw new Error(`Event key "${key}" may contain only letters, digits, ".", "_" and "-"`);
  }
  return key;
}
