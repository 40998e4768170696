import type { JobAttempt } from '@tsunagu/core';
import { User } from '@tsunagu/identity';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager, In } from 'typeorm';
import { DeliveryStatus } from './delivery-kinds';
import { MailDeliveryError } from './email/mail-transport';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationEvent } from './notification-event.entity';
import { RenderedMessage, renderNotification } from './notification-templates';

export interface ClaimedDelivery {
  delivery: NotificationDelivery;
  event: NotificationEvent;
  recipient: User;
  // In the recipient's language and capacity.
  message: RenderedMessage;
}

// Locks the rows of the given deliveries that are still PENDING for the rest of the caller's
// transaction (in id order, so two batches sharing rows never deadlock) and returns them with
// what each says; sent or dead-lettered ones are left out. A duplicate job waits for the locks,
// then finds nothing to do. Three queries whatever the batch's size.
export async function claimDeliveries(
  m: EntityManager,
  deliveryIds: readonly string[],
): Promise<ClaimedDelivery[]> {
  if (deliveryIds.length === 0) return [];
  const deliveries = (
    await m.getRepository(NotificationDelivery).find({
      where: { id: In([...deliveryIds]), status: DeliveryStatus.PENDING },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    })
  ).filter((d) => d.status === DeliveryStatus.PENDING);
  if (deliveries.length === 0) return [];
  const events = await m
    .getRepository(NotificationEvent)
    .findBy({ id: In(unique(deliveries.map((d) => d.eventId))) });
  const recipients = await m
    .getRepository(User)
    .findBy({ id: In(unique(deliveries.map((d) => d.recipientId))) });
  const eventById = new Map(events.map((e) => [e.id, e]));
  const recipientById = new Map(recipients.map((u) => [u.id, u]));
  return deliveries.map((delivery) => {
    const event = eventById.get(delivery.eventId)!;
    const recipient = recipientById.get(delivery.recipientId)!;
    const message = renderNotification(event.type, recipient.locale, event.vars, delivery.role);
    return { delivery, event, recipient, message };
  });
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

// In the claiming transaction, once the channel has done its one thing for these deliveries: one
// statement for the batch. sentAt is this process's clock, as it always was.
export async function markSent(
  m: EntityManager,
  sent: ReadonlyArray<{ deliveryId: string; receipt: string }>,
): Promise<void> {
  if (sent.length === 0) return;
  await m.query(
    `UPDATE notification_delivery d
        SET status = $3, receipt = t.receipt, sent_at = $4, attempts = d.attempts + 1
       FROM unnest($1::uuid[], $2::text[]) AS t(id, receipt)
      WHERE d.id = t.id`,
    [
      sent.map((s) => s.deliveryId),
      sent.map((s) => s.receipt.slice(0, 500)),
      DeliveryStatus.SENT,
      new Date(),
    ],
  );
}

// Records a failed attempt of a delivery or digest and decides whether BullMQ should try again:
// after the job's last attempt, or when the other side refused for good (a permanent SMTP
// error), the row enters the DEAD state for operators to inspect and retry.
export async function recordFailedAttempt(
  db: DataSource | EntityManager,
  table: 'notification_delivery' | 'notification_digest',
  ids: string | readonly string[],
  attempt: JobAttempt,
  error: unknown,
): Promise<Error> {
  const failure = error instanceof Error ? error : new Error(String(error));
  const permanent = isPermanent(failure);
  const dead = permanent || attempt.isFinal;
  await db.query(
    `UPDATE ${table}
        SET attempts = attempts + 1, last_error = $2,
            status = CASE WHEN $3 THEN 'DEAD' ELSE status END
      WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
    [typeof ids === 'string' ? [ids] : ids, failure.message.slice(0, 1000), dead],
  );
  return permanent ? new UnrecoverableError(failure.message) : failure;
}

// The other side refused for good: retrying the same message would be refused again.
function isPermanent(error: Error): boolean {
  return error instanceof MailDeliveryError && error.permanent;
}

// For a job BullMQ gave up on: a row its handler could not mark (the database was away during
// the last attempt, or the job stalled too often) enters the dead-letter state all the same.
export async function markExhausted(
  dataSource: DataSource,
  table: 'notification_delivery' | 'notification_digest' | 'webhook_delivery',
  ids: string | readonly string[],
  error: Error,
): Promise<void> {
  await dataSource.query(
    `UPDATE ${table} SET status = 'DEAD', last_error = coalesce(last_error, $2)
      WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
    [typeof ids === 'string' ? [ids] : ids, error.message.slice(0, 1000)],
  );
}
