import { Module } from '@nestjs/common';
import { LiveNotifications } from './live-notifications';

// AppConfig, the one dependency, comes from the global ConfigModule.
@Module({ providers: [LiveNotifications], exports: [LiveNotifications] })
export class LiveNotificationsModule {}
