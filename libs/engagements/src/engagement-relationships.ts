// After completion: feedback, the completion record, follow-ups and region relationships.
import { EngagementRelationshipService } from './engagement-relationship.service';

export * from './engagement-continuation';
export * from './engagement-relationship-mapping';
export * from './engagement-relationship.entities';
export * from './engagement-relationship.service';
export * from './engagement-relationship.types';

export const RELATIONSHIP_PROVIDERS = [EngagementRelationshipService];
