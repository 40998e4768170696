import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementsModule } from '@tsunagu/engagements';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationDigest } from './notification-digest.entity';
import { NotificationEvent } from './notification-event.entity';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { NotificationService } from './notification.service';
import { LiveNotificationsModule } from './live/live-notifications.module';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Notification,
      NotificationEvent,
      NotificationDelivery,
      NotificationPreference,
      NotificationDigest,
    ]),
    EngagementsModule,
    LiveNotificationsModule,
  ],
  providers: [NotificationService],
  exports: [NotificationService, LiveNotificationsModule],
})
export class NotificationsModule {}
