import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadLetterService } from './dead-letter.service';
import { DigestService } from './digest.service';
import { EmailDeliveryService } from './email-delivery.service';
import { MailTransport } from './email/mail-transport';
import { TransactionalMailer } from './email/transactional-mailer';
import { InAppDeliveryService } from './in-app-delivery.service';
import { LiveNotificationsModule } from './live/live-notifications.module';
import { NotificationAccountData } from './notification-account-data';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationDigest } from './notification-digest.entity';
import { NotificationEvent } from './notification-event.entity';
import { NotificationFanOut } from './notification-fan-out.service';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationPreferenceService } from './notification-preference.service';
import { Notification } from './notification.entity';
import { NotificationService } from './notification.service';
import { NotificationSubscriber } from './notification-subscriber';
import { WebhooksModule } from './webhooks/webhooks.module';

// Domain events in, notifications out: the inbox, preferences, the fan-out to channels (in-app,
// e-mail, webhooks), daily digests and the operators' dead-letter view.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Notification,
      NotificationEvent,
      NotificationDelivery,
      NotificationPreference,
      NotificationDigest,
    ]),
    LiveNotificationsModule,
    WebhooksModule,
  ],
  providers: [
    NotificationAccountData,
    NotificationService,
    NotificationPreferenceService,
    NotificationSubscriber,
    NotificationFanOut,
    InAppDeliveryService,
    EmailDeliveryService,
    DigestService,
    DeadLetterService,
    MailTransport,
    TransactionalMailer,
  ],
  exports: [
    NotificationService,
    NotificationPreferenceService,
    NotificationFanOut,
    InAppDeliveryService,
    EmailDeliveryService,
    DigestService,
    DeadLetterService,
    MailTransport,
    TransactionalMailer,
    LiveNotificationsModule,
    WebhooksModule,
  ],
})
export class NotificationsModule {}
