import type { DeliveryRun, JobAttempt } from '@tsunagu/core';
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

// Locks the rows of the run's deliveries that are still PENDING for the rest of the caller's
// transaction (in id order, so two batches sharing rows never deadlock) and returns them with
// what each says; sent or dead-lettered ones, and those an operator has given a later run, are
// left out (PostgreSQL checks again on a row it waited for). One plain statement whatever the
// batch's size: every e-mail and in-app job runs it, and making entities of three tables was most
// of what TypeORM cost the pipeline.
// - 'wait': a duplicate run waits for the locks, then finds nothing to do (in-app rows, stored
//   in the fan-out's own transaction).
// - 'skip-locked': rows another job holds are left to it (e-mail jobs, which hold their rows while
//   they send, and which several events share: a replayed event's e-mails may sit in two jobs).
//   The holder sends them or, failing, keeps them PENDING for its own next attempt; waiting would
//   only hold this job's other e-mails back for as long as the holder's sends take.
export async function claimDeliveries(
  m: EntityManager,
  run: DeliveryRun,
  locked: 'wait' | 'skip-locked' = 'wait',
): Promise<ClaimedDelivery[]> {
  if (run.ids.length === 0) return [];
  const rows = await m.query<ClaimedRow[]>(
    `SELECT d.id, d.role, d.organization_id, e.key, e.type, e.vars, e.links,
            u.id AS recipient_id, u.email, u.locale
       FROM notification_delivery d
       JOIN notification_event e ON e.id = d.event_id
       JOIN "user" u ON u.id = d.recipient_id
      WHERE d.id = ANY($1::uuid[]) AND d.status = $2 AND ($3::int IS NULL OR d.retries = $3)
      ORDER BY d.id
        FOR UPDATE OF d${locked === 'skip-locked' ? ' SKIP LOCKED' : ''}`,
    [[...run.ids], DeliveryStatus.PENDING, run.retries ?? null],
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
// error), the row enters the DEAD state for operators to inspect and retry. With a run's
// `retries`, only rows still in that run are touched (see DeliveryBatch).
export async function recordFailedAttempt(
  db: DataSource | EntityManager,
  table: 'notification_delivery' | 'notification_digest',
  ids: string | readonly string[],
  attempt: JobAttempt,
  error: unknown,
  retries?: number,
): Promise<Error> {
  const failure = error instanceof Error ? error : new Error(String(error));
  const permanent = isPermanent(failure);
  const dead = permanent || attempt.isFinal;
  await db.query(
    `UPDATE ${table}
        SET attempts = attempts + 1, last_error = $2,
            status = CASE WHEN $3 THEN 'DEAD' ELSE status END
      WHERE id = ANY($1::uuid[]) AND status = 'PENDING' AND ($4::int IS NULL OR retries = $4)`,
    [typeof ids === 'string' ? [ids] : ids, failure.message.slice(0, 1000), dead, retries ?? null],
  );
  return permanent ? new UnrecoverableError(failure.message) : failure;
}

// The other side refused for good: retrying the same message would be refused again.
function isPermanent(error: Error): boolean {
  return error instanceof MailDeliveryError && error.permanent;
}

// For a job BullMQ gave up on: a row its handler could not mark (the database was away during
// the last attempt, or the job stalled too often) enters the dead-letter state all the same.
// With a run's `retries`, only rows still in that run (see DeliveryBatch).
export async function markExhausted(
  dataSource: DataSource,
  table: 'notification_delivery' | 'notification_digest' | 'webhook_delivery',
  ids: string | readonly string[],
  error: Error,
  retries?: number,
): Promise<void> {
  await dataSource.query(
    `UPDATE ${table} SET status = 'DEAD', last_error = coalesce(last_error, $2)
      WHERE id = ANY($1::uuid[]) AND status = 'PENDING' AND ($3::int IS NULL OR retries = $3)`,
    [typeof ids === 'string' ? [ids] : ids, error.message.slice(0, 1000), retries ?? null],
  );
}
