import type {
  EngagementCheckIn,
  EngagementMilestone,
  EngagementNote,
} from './engagement-accompaniment.entities';
import type {
  EngagementCheckInType,
  EngagementMilestoneType,
  EngagementNoteType,
  SupervisedEngagementType,
} from './engagement-accompaniment.types';
import type { SupervisedEngagement } from './engagement-health.service';
import { toEngagementType } from '../lifecycle/engagement-mapping';

export function toEngagementCheckInType(checkIn: EngagementCheckIn): EngagementCheckInType {
  return {
    id: checkIn.id,
    engagementId: checkIn.engagementId,
    applicationId: checkIn.engagementId,
    summary: checkIn.summary,
    hours: checkIn.hours,
    mood: checkIn.mood,
    blocked: checkIn.blocked,
    approvedAt: checkIn.approvedAt,
    approvedByName: checkIn.approvedBy?.displayName ?? null,
    createdAt: checkIn.createdAt,
  };
}

export function toEngagementNoteType(note: EngagementNote): EngagementNoteType {
  return {
    id: note.id,
    visibility: note.visibility,
    body: note.body,
    authorName: note.author?.displayName ?? null,
    createdAt: note.createdAt,
  };
}

export function toEngagementMilestoneType(milestone: EngagementMilestone): EngagementMilestoneType {
  return {
    id: milestone.id,
    title: milestone.title,
    dueDate: milestone.dueDate,
    doneAt: milestone.doneAt,
  };
}

export function toSupervisedEngagementType(item: SupervisedEngagement): SupervisedEngagementType {
  return {
    engagement: toEngagementType(item.engagement),
    health: item.health,
    lastCheckInAt: item.lastCheckInAt,
    overdueMilestones: item.overdueMilestones,
  };
}
