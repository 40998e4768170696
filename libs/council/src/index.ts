export * from './council-audiences';
export * from './council-events';
export * from './council-membership.entity';
export * from './council-membership.service';
export * from './council-membership.types';
export * from './council.module';
