export * from './application.entity';
export * from './application.service';
export * from './participant-mapping';
export * from './participant-profile.entity';
export * from './participant-profile.service';
export * from './participant.types';
export * from './participants.module';
