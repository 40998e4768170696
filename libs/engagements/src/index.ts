export * from './application.entity';
export * from './application.service';
export * from './engagement-mapping';
export * from './engagement.types';
export * from './engagements.module';
