import { Injectable, Logger } from '@nestjs/common';
import type { JobAttempt } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { claimDelivery, markSent, recordFailedAttempt } from './delivery-attempts';
import { LiveNotifications } from './live/live-notifications';
import { Notification } from './notification.entity';

// Stores one in-app notification and pushes it to the recipient's open subscriptions. The
// notification's unique (event key, recipient) and the delivery's row lock make a retried or
// duplicated job store nothing twice.
@Injectable()
export class InAppDeliveryService {
  private readonly logger = new Logger(InAppDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveNotifications,
  ) {}

  async deliver(deliveryId: string, attempt: JobAttempt): Promise<'sent' | 'skipped'> {
    let stored: Notification | null;
    try {
      stored = await this.dataSource.transaction(async (m) => {
        const claimed = await claimDelivery(m, deliveryId);
        if (!claimed) return null;
        const { delivery, event, recipient, message } = claimed;
        await m
          .createQueryBuilder()
          .insert()
          .into(Notification)
          .values({
            recipientId: recipient.id,
            eventKey: event.key,
            type: event.type,
            ...message,
            // The recipient's own organisation joins the event's ids: where their link leads.
            data: delivery.organizationId
              ? { ...event.links, organizationId: delivery.organizationId }
              : event.links,
            facts: event.vars,
            audience: delivery.role,
          })
          .orIgnore()
          .execute();
        const notification = await m
          .getRepository(Notification)
          .findOneByOrFail({ eventKey: event.key, recipientId: recipient.id });
        await markSent(m, deliveryId, notification.id);
        return notification;
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
    if (!stored) return 'skipped';
    // Live push is best effort: the notification is stored, and a client that missed the push
    // sees it in myNotifications when it reconnects.
    await this.live
      .publish(stored)
      .catch((error: unknown) =>
        this.logger.warn(`live push of ${stored.id} failed: ${(error as Error).message}`),
      );
    return 'sent';
  }
}
