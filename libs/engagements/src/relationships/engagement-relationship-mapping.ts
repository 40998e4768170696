import type {
  EngagementFeedback,
  FollowUp,
  RegionRelationship,
} from './engagement-relationship.entities';
import type {
  EngagementFeedbackType,
  FollowUpType,
  RegionRelationshipType,
} from './engagement-relationship.types';

export function toEngagementFeedbackType(feedback: EngagementFeedback): EngagementFeedbackType {
  return {
    id: feedback.id,
    engagementId: feedback.engagementId,
    applicationId: feedback.engagementId,
    side: feedback.side,
    rating: feedback.rating,
    comment: feedback.comment,
    authorName: feedback.author?.displayName ?? null,
    createdAt: feedback.createdAt,
  };
}

export function toFollowUpType(followUp: FollowUp): FollowUpType {
  return {
    id: followUp.id,
    engagementId: followUp.engagementId,
    applicationId: followUp.engagementId,
    projectTitle: followUp.engagement!.project!.title,
    dueMonths: followUp.dueMonths,
    dueAt: followUp.dueAt,
    outcomes: followUp.outcomes,
    note: followUp.note,
    recordedByName: followUp.recordedBy?.displayName ?? null,
    recordedAt: followUp.recordedAt,
    notifiedAt: followUp.notifiedAt,
  };
}

export function toRegionRelationshipType(relationship: RegionRelationship): RegionRelationshipType {
  return {
    id: relationship.id,
    participantId: relationship.participantId,
    participantName: relationship.participant!.displayName,
    regionOrganizationId: relationship.regionOrganizationId,
    regionName: relationship.regionOrganization!.name,
    firstEngagementAt: relationship.firstEngagementAt,
    engagementsCompleted: relationship.engagementsCompleted,
    lastOutcomes: relationship.lastOutcomes,
    lastContactAt: relationship.lastContactAt,
  };
}
