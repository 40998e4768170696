// Accompaniment of running engagements: check-ins, notes, milestones, health and stale alerts,
// and the response rules for applications still waiting for the region.
import { EngagementAccompanimentService } from './engagement-accompaniment.service';
import { EngagementHealthService } from './engagement-health.service';
import { EngagementResponseService } from './engagement-response.service';

export * from './engagement-accompaniment-mapping';
export * from './engagement-accompaniment.entities';
export * from './engagement-accompaniment.service';
export * from './engagement-accompaniment.types';
export * from './engagement-health.service';
export * from './engagement-response.service';

export const ACCOMPANIMENT_PROVIDERS = [
  EngagementAccompanimentService,
  EngagementHealthService,
  EngagementResponseService,
];
