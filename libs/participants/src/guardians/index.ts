export * from './guardian-consent.entity';
export * from './guardian-consent-mapping';
export * from './guardian-consent-wording';
export * from './guardian-consent.types';
export * from './guardian-consents.service';
export * from './guardian-events';
export * from './minors';
export * from './guardian-consent-throttle';
