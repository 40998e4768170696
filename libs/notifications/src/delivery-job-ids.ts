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
