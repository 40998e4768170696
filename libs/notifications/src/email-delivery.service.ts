import { Injectable } from '@nestjs/common';
import { AppConfig, DeliveryRun, JobAttempt } from '@tsunagu/core';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { claimDeliveries, markSent, recordFailedAttempt } from './delivery-attempts';
import { renderEmail } from './email/email-layout';
import { MailTransport } from './email/mail-transport';
import { actionPath, appUrl, PREFERENCES_PATH } from './notification-templates';

// What one run of a batch did.
export interface EmailBatchOutcome {
  sent: number;
  failed: number;
}

// Sends notification e-mails — a batch of deliveries, of one event or of the several events a
// fan-out handled together, at once over the pooled transport — each at most once after the SMTP
// server accepted it: the deliveries' rows stay locked from the check to the SENT mark, and a job
// that meets a row another job holds leaves it to that one (claimDeliveries). The one window left
// — the process dying between the server's acceptance and the commit — is covered by the
// deterministic Message-ID, on which mail systems drop the second copy. An e-mail that could not
// be rendered or that the server refused is counted against its own delivery only; the job then
// runs again for it.
@Injectable()
export class EmailDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly config: AppConfig,
  ) {}

  async deliver(run: DeliveryRun, attempt: JobAttempt): Promise<EmailBatchOutcome> {
    let failures: Error[] = [];
    let sent = 0;
    try {
      await this.dataSource.transaction(async (m) => {
        const claimed = await claimDeliveries(m, run, 'skip-locked');
        const preferencesUrl = appUrl(this.config, PREFERENCES_PATH);
        const results = await Promise.allSettled(
          // Each delivery on its own: one whose message cannot be rendered fails alone.
          claimed.map(async ({ delivery, event, recipient, render }) => {
            const path = actionPath(event.links, delivery);
            const content = renderEmail({
              locale: recipient.locale,
              ...render(),
              actionUrl: path && appUrl(this.config, path),
              preferencesUrl,
            });
            return this.mail.send({
              to: recipient.email,
              ...content,
              messageId: `<delivery.${delivery.id}@tsunagu>`,
              headers: { 'X-Tsunagu-Event': event.type },
            });
          }),
        );
        const done: Array<{ deliveryId: string; receipt: string }> = [];
        failures = [];
        for (const [i, result] of results.entries()) {
          const deliveryId = claimed[i].delivery.id;
          if (result.status === 'fulfilled') {
            done.push({ deliveryId, receipt: result.value.response });
            continue;
          }
          // Recorded with the batch's SENT marks, so both commit together.
          failures.push(
            await recordFailedAttempt(
              m,
              'notification_delivery',
              deliveryId,
              attempt,
              result.reason,
              run.retries,
            ),
          );
        }
        await markSent(m, done);
        sent = done.length;
      });
    } catch (error) {
      throw await recordFailedAttempt(
        this.dataSource,
        'notification_delivery',
        run.ids,
        attempt,
        error,
        run.retries,
      );
    }
    if (failures.length === 0) return { sent, failed: 0 };
    const summary = `${failures.length} of ${sent + failures.length} e-mails failed: ${failures[0].message}`;
    // Refused for good, each of them (and dead already): running the job again would change nothing.
    if (failures.every((f) => f instanceof UnrecoverableError))
      throw new UnrecoverableError(summary);
    throw new Error(summary);
  }
}
