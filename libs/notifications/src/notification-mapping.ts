import type { Notification } from './notification.entity';
import type { NotificationType } from './notification.types';

export function toNotificationType(n: Notification): NotificationType {
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    projectId: n.data.projectId ?? null,
    engagementId: n.data.engagementId ?? null,
    applicationId: n.data.engagementId ?? null,
    scoutOfferId: n.data.scoutOfferId ?? null,
    followUpId: n.data.followUpId ?? null,
    cohortId: n.data.cohortId ?? null,
    allocationId: n.data.allocationId ?? null,
    eventId: n.data.eventId ?? null,
    facts: Object.entries(n.facts ?? {}).map(([name, value]) => ({ name, value })),
    audience: n.audience ?? null,
    conversationId: n.data.conversationId ?? null,
    organizationId: n.data.organizationId ?? null,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}
