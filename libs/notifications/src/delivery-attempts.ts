import type { JobAttempt } from '@tsunagu/core';
import type { User } from '@tsunagu/identity';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryStatus } from './delivery-kinds';
import { MailDeliveryError } from './email/mail-transport';
import type { NotificationDelivery } from './notification-delivery.entity';
import type { NotificationEvent } from './notification-event.entity';
import { RenderedMessage, renderNotification } from './notification-templates';

// What a channel needs of a claimed delivery, its event and its recipient.
export interface ClaimedDelivery {
  delivery: Pick<NotificationDelivery, 'id' | 'role' | 'organizationId'>;
  event: Pick<NotificationEvent, 'key' | 'type' | 'vars' | 'links'>;
  recipient: Pick<User, 'id' | 'email' | 'locale'>;
  // The message in the recipient's language and capacity. Rendered when asked, so that a
  // channel can fail one delivery whose message cannot be rendered (an event type this version
  // does not know) and not its whole batch.
  render: () => RenderedMessage;
}

interface ClaimedRow {
  id: string;
  role: NotificationDelivery['role'];
  organization_id: string | null;
  key: string;
  type: NotificationEvent['type'];
  vars: Record<string, string>;
  links: Record<string, string>;
  recipient_id: string;
  email: string;
  locale: User['locale'];
}

// Locks the rows of the given deliveries that are still PENDING for the rest of the caller's
// transaction (in id order, so two batches sharing rows never deadlock) and returns them with
// what each says; sent or dead-lettered ones are left out (PostgreSQL checks the status again on
// a row it waited for). A duplicate job waits for the locks, then finds nothing to do. One plain
// statement whatever the batch's size: every e-mail and in-app job runs it, and making entities
// of three tables was most of what TypeORM cost the pipeline.
export async function claimDeliveries(
  m: EntityManager,
  deliveryIds: readonly string[],
): Promise<ClaimedDelivery[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await m.query<ClaimedRow[]>(
    `SELECT d.id, d.role, d.organization_id, e.key, e.type, e.vars, e.links,
            u.id AS recipient_id, u.email, u.locale
       FROM notification_delivery d
       JOIN notification_event e ON e.id = d.event_id
       JOIN "user" u ON u.id = d.recipient_id
      WHERE d.id = ANY($1::uuid[]) AND d.status = $2
      ORDER BY d.id
        FOR UPDATE OF d`,
    [[...deliveryIds], DeliveryStatus.PENDING],
  );
  return rows.map((row) => {
    const delivery = { id: row.id, role: row.role, organizationId: row.organization_id };
    const event = { key: row.key, type: row.type, vars: row.vars, links: row.links };
    const recipient = { id: row.recipient_id, email: row.email, locale: row.locale };
    const render = () =>
      renderNotification(event.type, recipient.locale, event.vars, delivery.role);
    return { delivery, event, recipient, render };
  });
}

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
