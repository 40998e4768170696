export * from './participant-mapping';
export * from './participant-profile.entity';
export * from './participant-profile.rules';
export * from './participant-profile.service';
export * from './participant-skill.entity';
export * from './participant.types';
export * from './participants.module';
export * from './participant-events';
