export * from './notification-templates';
export * from './notification.entity';
export * from './notification.service';
export * from './notification.types';
export * from './notifications.module';
export * from './notification-mapping';
export * from './live/live-notifications';
export * from './live/live-notifications.module';
