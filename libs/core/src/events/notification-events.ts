// The domain events people are told about. Each is recorded in the transaction that makes the
// change (see DomainEventPublisher) and fanned out by the notification worker to recipients,
// their channels and the organisations' webhooks. Payloads carry ids; the worker reads the rest.
export interface NotificationEventPayloads {
  // A participant applied: the project's region staff answer it.
  APPLICATION_SUBMITTED: { engagementId: string };
  // An engagement moved (interview, accepted, declined, approved, started, completed,
  // withdrawn, cancelled): the participant, the region and the supervisor hear of it.
  ENGAGEMENT_STATUS_CHANGED: { engagementId: string; engagementEventId: string };
  // A region scouted a participant.
  SCOUT_OFFER_RECEIVED: { offerId: string };
  // The participant accepted or declined a scout offer.
  SCOUT_OFFER_ANSWERED: { offerId: string };
  // An application waited longer than the response rule allows: the supervisors step in.
  APPLICATION_UNANSWERED: { engagementId: string; since: string };
  // An active engagement went quiet.
  ENGAGEMENT_STALE: { engagementId: string; since: string };
  // A milestone of an active engagement is overdue.
  MILESTONE_OVERDUE: { engagementId: string; since: string };
  // A 3/6/12-month follow-up fell due.
  FOLLOW_UP_DUE: { followUpId: string };
  // A project stopped taking applications until the region answers its overdue ones.
  PROJECT_PAUSED: { projectId: string; pausedAt: string };
  // A cohort allocation the intermediary asked for is ready to review.
  ALLOCATION_READY: { allocationId: string };
}

export type NotificationEventType = keyof NotificationEventPayloads;

export const NOTIFICATION_EVENT_TYPES: readonly NotificationEventType[] = [
  'APPLICATION_SUBMITTED',
  'ENGAGEMENT_STATUS_CHANGED',
  'SCOUT_OFFER_RECEIVED',
  'SCOUT_OFFER_ANSWERED',
  'APPLICATION_UNANSWERED',
  'ENGAGEMENT_STALE',
  'MILESTONE_OVERDUE',
  'FOLLOW_UP_DUE',
  'PROJECT_PAUSED',
  'ALLOCATION_READY',
];

export interface DomainEvent<T extends NotificationEventType = NotificationEventType> {
  // Unique per occurrence, e.g. "application-submitted.<id>": the idempotency key of everything
  // the event causes (one in-app notification, one e-mail, one webhook call per target).
  key: string;
  type: T;
  payload: NotificationEventPayloads[T];
  occurredAt: string;
}

// "ENGAGEMENT_STATUS_CHANGED" + ["<id>", "<id>"] -> "engagement-status-changed.<id>.<id>"
export function eventKey(type: NotificationEventType, parts: ReadonlyArray<string>): string {
  const key = [type.toLowerCase().replaceAll('_', '-'), ...parts].join('.');
  if (!/^[A-Za-z0-9._-]+$/.test(key)) {
    throw new Error(`Event key "${key}" may contain only letters, digits, ".", "_" and "-"`);
  }
  return key;
}
