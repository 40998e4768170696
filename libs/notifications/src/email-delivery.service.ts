import { Injectable } from '@nestjs/common';
import { AppConfig, JobAttempt } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { claimDelivery, markSent, recordFailedAttempt } from './delivery-attempts';
import { renderEmail } from './email/email-layout';
import { MailTransport } from './email/mail-transport';
import { actionPath, appUrl, PREFERENCES_PATH } from './notification-templates';

// Sends one notification e-mail, at most once after the SMTP server accepted it: the delivery's
// row stays locked from the check to the SENT mark, so a duplicate job waits and then finds it
// sent. The one window left — the process dying between the server's acceptance and the commit —
// is covered by the deterministic Message-ID, on which mail systems drop the second copy.
@Injectable()
export class EmailDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly config: AppConfig,
  ) {}

  async deliver(deliveryId: string, attempt: JobAttempt): Promise<'sent' | 'skipped'> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const claimed = await claimDelivery(m, deliveryId);
        if (!claimed) return 'skipped';
        const { delivery, event, recipient, message } = claimed;
        const path = actionPath(event.links, delivery);
        const content = renderEmail({
          locale: recipient.locale,
          ...message,
          actionUrl: path && appUrl(this.config, path),
          preferencesUrl: appUrl(this.config, PREFERENCES_PATH),
        });
        const sent = await this.mail.send({
          to: recipient.email,
          ...content,
          messageId: `<delivery.${deliveryId}@tsunagu>`,
          headers: { 'X-Tsunagu-Event': event.type },
        });
        await markSent(m, deliveryId, sent.response);
        return 'sent' as const;
      });
    } catch (error) {
      throw await recordFailedAttempt(
        this.dataSource,
        'notification_delivery',
        deliveryId,
        attempt,
        error,
      );
    }
  }
}
