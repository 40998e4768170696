export * from './allocation';
export * from './geo-distance';
export * from './hard-filters';
export * from './match-factors';
export * from './match-facts';
export * from './match-score';
export * from './match-weights';
