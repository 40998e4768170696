export * from './population-csv';
export * from './population-model';
export * from './population-projection';
