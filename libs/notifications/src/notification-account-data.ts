import { Injectable } from '@nestjs/common';
import { OnEvent, PersonalDataOf } from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { ACCOUNT_DELETED } from '@tsunagu/identity';
import { EntityManager } from 'typeorm';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';

// The notifications context's part of the account's data: its export and its erasure.
@Injectable()
export class NotificationAccountData {
  @PersonalDataOf('notifications')
  async notifications(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT type, title, body, created_at AS "createdAt", read_at AS "readAt"
         FROM notification WHERE recipient_id = $1 ORDER BY created_at, id`,
      [userId],
    );
  }

  @PersonalDataOf('notificationPreferences')
  async preferences(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT event_type AS "eventType", channel, mode
         FROM notification_preference WHERE user_id = $1 ORDER BY event_type, channel`,
      [userId],
    );
  }

  // The inbox and the preferences go; deliveries already planned find a former member and stop.
  @OnEvent(ACCOUNT_DELETED)
  async erase(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    const { userId } = event.payload;
    await m.delete(Notification, { recipientId: userId });
    await m.delete(NotificationPreference, { userId });
  }
}
