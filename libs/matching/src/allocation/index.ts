// reference-solver is left out on purpose: it needs a dev-only dependency and exists for tests.
export * from './allocation-types';
export * from './allocation-validation';
export { findBlockingPairs } from './blocking-pairs';
export { allocateStable } from './deferred-acceptance';
export { allocateOptimal } from './optimal-allocation';
export * from './team-cover';
