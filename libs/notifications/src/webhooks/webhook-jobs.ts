// The one place webhook job ids are made: deterministic, so a replayed plan enqueues once, and
// fresh per retry, so a retried dead delivery is not mistaken for the finished first job.
export function webhookDeliveryJobId(deliveryId: string, retries = 0): string {
  return retries === 0
    ? `webhook-delivery.${deliveryId}`
    : `webhook-delivery.${deliveryId}.retry-${retries}`;
}
