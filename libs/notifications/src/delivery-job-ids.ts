import type { DomainEvent } from '@tsunagu/core';

// Job ids for the runs of a delivery, a digest or a webhook delivery: deterministic, so a
// replayed plan enqueues once, and fresh for each operator retry, so a retried dead row is not
// mistaken for its finished (failed) first job, which BullMQ keeps for a while.
export function deliveryRunJobId(
  kind: 'delivery' | 'digest' | 'webhook-delivery',
  id: string,
  retries = 0,
): string {
  return retries === 0 ? `${kind}.${id}` : `${kind}.${id}.retry-${retries}`;
}

// A 'notify.event' job's id, the event's key: the same occurrence recorded twice (a sweep
// re-run) is queued once, and an event a 'notify.events' batch hands on keeps the id it had.
export const eventJobId = (event: Pick<DomainEvent, 'key'>) => `event.${event.key}`;
