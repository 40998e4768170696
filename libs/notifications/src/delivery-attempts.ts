import type { JobAttempt } from '@tsunagu/core';
import { User } from '@tsunagu/identity';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
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

// Locks a delivery's row for the rest of the caller's transaction and returns it with what it
// says, or null when it is no longer PENDING (sent or dead-lettered by an earlier run): a
// duplicate job waits for the lock, then finds nothing to do.
export async function claimDelivery(
  m: EntityManager,
  deliveryId: string,
): Promise<ClaimedDelivery | null> {
  const delivery = await m.getRepository(NotificationDelivery).findOne({
    where: { id: deliveryId },
    lock: { mode: 'pessimistic_write' },
  });
  if (delivery?.status !== DeliveryStatus.PENDING) return null;
  const event = await m.getRepository(NotificationEvent).findOneByOrFail({ id: delivery.eventId });
  const recipient = await m.getRepository(User).findOneByOrFail({ id: delivery.recipientId });
  const message = renderNotification(event.type, recipient.locale, event.vars, delivery.role);
  return { delivery, event, recipient, message };
}

// In the claiming transaction, once the channel has done its one thing.
export async function markSent(m: EntityManager, deliveryId: string, receipt: string) {
  await m.update(NotificationDelivery, deliveryId, {
    status: DeliveryStatus.SENT,
    receipt: receipt.slice(0, 500),
    sentAt: new Date(),
    attempts: () => 'attempts + 1',
  });
}

// Records a failed attempt of a delivery or digest and decides whether BullMQ should try again:
// after the job's last attempt, or when the other side refused for good (a permanent SMTP
// error), the row enters the DEAD state for operators to inspect and retry.
export async function recordFailedAttempt(
  dataSource: DataSource,
  table: 'notification_delivery' | 'notification_digest',
  id: string,
  attempt: JobAttempt,
  error: unknown,
): Promise<Error> {
  const failure = error instanceof Error ? error : new Error(String(error));
  const permanent = failure instanceof MailDeliveryError && failure.permanent;
  const dead = permanent || attempt.isFinal;
  await dataSource.query(
    `UPDATE ${table}
        SET attempts = attempts + 1, last_error = $2,
            status = CASE WHEN $3 THEN 'DEAD' ELSE status END
      WHERE id = $1 AND status = 'PENDING'`,
    [id, failure.message.slice(0, 1000), dead],
  );
  return permanent ? new UnrecoverableError(failure.message) : failure;
}

// For a job BullMQ gave up on: a row its handler could not mark (the database was away during
// the last attempt, or the job stalled too often) enters the dead-letter state all the same.
export async function markExhausted(
  dataSource: DataSource,
  table: 'notification_delivery' | 'notification_digest' | 'webhook_delivery',
  id: string,
  error: Error,
): Promise<void> {
  await dataSource.query(
    `UPDATE ${table} SET status = 'DEAD', last_error = coalesce(last_error, $2)
      WHERE id = $1 AND status = 'PENDING'`,
    [id, error.message.slice(0, 1000)],
  );
}
