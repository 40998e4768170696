import { toProjectType } from '@tsunagu/projects';
import type { Engagement } from './engagement.entity';
import { nextSteps } from './engagement-state';
import type { EngagementEvent } from './engagement-event.entity';
import type { EngagementContacts } from './engagement.service';
import type {
  EngagementType,
  EngagementContactsType,
  EngagementEventType,
} from './engagement.types';

// Expects project and participant (with user) loaded.
export function toEngagementType(application: Engagement): EngagementType {
  const profile = application.participant!;
  return {
    id: application.id,
    project: toProjectType(application.project!),
    applicant: {
      userId: profile.userId,
      displayName: profile.user!.displayName,
      kind: profile.kind,
    },
    motivation: application.motivation,
    status: application.status,
    statusReason: application.statusReason,
    interview: application.interview,
    terms: application.terms,
    createdAt: application.createdAt,
    statusChangedAt: application.statusChangedAt,
    nextSteps: nextSteps(application.status),
  };
}

export function toEngagementEventType(event: EngagementEvent): EngagementEventType {
  return {
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorName: event.actor?.displayName ?? null,
    reason: event.reason,
    createdAt: event.createdAt,
  };
}

export function toEngagementContactsType(contacts: EngagementContacts): EngagementContactsType {
  return {
    participant: contacts.participant,
    region: contacts.region.map((r) => ({ ...r, phone: null })),
  };
}
