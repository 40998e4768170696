import type { JobAttempt } from '@tsunagu/core';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { MailDeliveryError } from './email/mail-transport';

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
