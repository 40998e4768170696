import { Injectable } from '@nestjs/common';
import { AppConfig, JobAttempt } from '@tsunagu/core';
import { User } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { recordFailedAttempt } from './delivery-attempts';
import { DeliveryStatus } from './delivery-kinds';
import { renderEmail } from './email/email-layout';
import { MailTransport } from './email/mail-transport';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationEvent } from './notification-event.entity';
import { actionPath, appUrl, PREFERENCES_PATH, renderNotification } from './notification-templates';

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
        const delivery = await m.getRepository(NotificationDelivery).findOne({
          where: { id: deliveryId },
          lock: { mode: 'pessimistic_write' },
        });
        if (delivery?.status !== DeliveryStatus.PENDING) return 'skipped';
        const event = await m
          .getRepository(NotificationEvent)
          .findOneByOrFail({ id: delivery.eventId });
        const recipient = await m.getRepository(User).findOneByOrFail({ id: delivery.recipientId });
        const message = renderNotification(event.type, recipient.locale, event.vars, delivery.role);
        const path = actionPath(event.links);
        const content = renderEmail({
          locale: recipient.locale,
          ...message,
          actionUrl: path && appUrl(this.config, path),
          preferencesUrl: appUrl(this.config, PREFERENCES_PATH),
        });
        const sent = await this.mail.send({
          to: recipient.email,
          ...content,
          messageId: `<delivery.${delivery.id}@tsunagu>`,
          headers: { 'X-Tsunagu-Event': event.type },
        });
        await m.update(NotificationDelivery, delivery.id, {
          status: DeliveryStatus.SENT,
          receipt: sent.response.slice(0, 500),
          sentAt: new Date(),
          attempts: () => 'attempts + 1',
        });
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
