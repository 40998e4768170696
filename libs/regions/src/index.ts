export * from './population-csv';
export * from './population-model';
export * from './population-projection';
export * from './region-profile.entity';
export * from './region-profile.service';
export * from './region-profile.types';
export * from './regions.module';
