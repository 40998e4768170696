// Accompaniment of running engagements: check-ins, notes, milestones, health and stale alerts.
import { EngagementAccompanimentService } from './engagement-accompaniment.service';
import { EngagementHealthService } from './engagement-health.service';

export * from './engagement-accompaniment-mapping';
export * from './engagement-accompaniment.entities';
export * from './engagement-accompaniment.service';
export * from './engagement-accompaniment.types';
export * from './engagement-health.service';

export const ACCOMPANIMENT_PROVIDERS = [EngagementAccompanimentService, EngagementHealthService];
