import { RecipientRole } from '@tsunagu/core';
import type { NotificationEventType } from './notified-events';
import { DeliveryChannel, DeliveryMode } from './delivery-kinds';

// What people get until they choose otherwise. In-app is always immediate. By e-mail,
// participants hear at once about what needs their answer; regions at once about applications
// and offers; intermediaries, who supervise many engagements, get the routine in one daily digest.
// Messages are someone waiting for an answer: at once, except for intermediaries, who follow
// threads rather than answer most of them.
const EMAIL_DEFAULTS: Record<
  RecipientRole,
  Partial<Record<NotificationEventType, DeliveryMode>>
> = {
  [RecipientRole.PARTICIPANT]: {
    ENGAGEMENT_STATUS_CHANGED: DeliveryMode.IMMEDIATELY,
    SCOUT_OFFER_RECEIVED: DeliveryMode.IMMEDIATELY,
    FOLLOW_UP_DUE: DeliveryMode.IMMEDIATELY,
    MESSAGE_POSTED: DeliveryMode.IMMEDIATELY,
    // A place, a reminder or a cancellation matters on the day: never in tomorrow's digest.
    EVENT_PLACE_OFFERED: DeliveryMode.IMMEDIATELY,
    EVENT_REMINDER: DeliveryMode.IMMEDIATELY,
    EVENT_CANCELLED: DeliveryMode.IMMEDIATELY,
    // A session booked or called off changes someone's day: at once.
    MENTORING_BOOKED: DeliveryMode.IMMEDIATELY,
    MENTORING_CANCELLED: DeliveryMode.IMMEDIATELY,
    // A called-off day or tomorrow's reminder is too late in a digest; new dates can wait a day.
    ACTIVITY_DAY_CANCELLED: DeliveryMode.IMMEDIATELY,
    ACTIVITY_DAY_REMINDER: DeliveryMode.IMMEDIATELY,
    ACTIVITY_DAYS_PUBLISHED: DeliveryMode.DAILY_DIGEST,
  },
  [RecipientRole.REGION]: {
    APPLICATION_SUBMITTED: DeliveryMode.IMMEDIATELY,
    SCOUT_OFFER_ANSWERED: DeliveryMode.IMMEDIATELY,
    PROJECT_PAUSED: DeliveryMode.IMMEDIATELY,
    ENGAGEMENT_STATUS_CHANGED: DeliveryMode.DAILY_DIGEST,
    MESSAGE_POSTED: DeliveryMode.IMMEDIATELY,
    // Interest asks nothing of the region: the day's marks in one e-mail.
    PROJECT_INTEREST_MARKED: DeliveryMode.DAILY_DIGEST,
    // A sent-back project waits for the region's edit; a published one for its applicants.
    PROJECT_CHANGES_REQUESTED: DeliveryMode.IMMEDIATELY,
    PROJECT_PUBLISHED: DeliveryMode.IMMEDIATELY,
    COUNCIL_MEMBERSHIP_DECIDED: DeliveryMode.IMMEDIATELY,
    // Another member wrote and waits for an answer.
    COUNCIL_CONTACT_RECEIVED: DeliveryMode.IMMEDIATELY,
  },
  [RecipientRole.INTERMEDIARY]: {
    ALLOCATION_READY: DeliveryMode.IMMEDIATELY,
    APPLICATION_UNANSWERED: DeliveryMode.DAILY_DIGEST,
    ENGAGEMENT_STALE: DeliveryMode.DAILY_DIGEST,
    MILESTONE_OVERDUE: DeliveryMode.DAILY_DIGEST,
    ENGAGEMENT_STATUS_CHANGED: DeliveryMode.DAILY_DIGEST,
    FOLLOW_UP_DUE: DeliveryMode.DAILY_DIGEST,
    PROJECT_PAUSED: DeliveryMode.DAILY_DIGEST,
    MESSAGE_POSTED: DeliveryMode.DAILY_DIGEST,
    // A submission waits for their review; what colleagues decided is routine.
    PROJECT_SUBMITTED: DeliveryMode.IMMEDIATELY,
    PROJECT_CHANGES_REQUESTED: DeliveryMode.DAILY_DIGEST,
    PROJECT_PUBLISHED: DeliveryMode.DAILY_DIGEST,
    // Council applications wait for the platform admins (heard as staff who oversee); the
    // decision is what the applying organisation waits for.
    COUNCIL_MEMBERSHIP_APPLIED: DeliveryMode.IMMEDIATELY,
    COUNCIL_MEMBERSHIP_DECIDED: DeliveryMode.IMMEDIATELY,
    // Another member wrote and waits for an answer.
    COUNCIL_CONTACT_RECEIVED: DeliveryMode.IMMEDIATELY,
  },
};

export function defaultMode(
  role: RecipientRole,
  type: NotificationEventType,
  channel: DeliveryChannel,
): DeliveryMode {
  if (channel === DeliveryChannel.IN_APP) return DeliveryMode.IMMEDIATELY;
  return EMAIL_DEFAULTS[role][type] ?? DeliveryMode.OFF;
}

// In-app has no digest: it is a list the person reads when they like.
export function allowedModes(channel: DeliveryChannel): DeliveryMode[] {
  return channel === DeliveryChannel.IN_APP
    ? [DeliveryMode.IMMEDIATELY, DeliveryMode.OFF]
    : [DeliveryMode.IMMEDIATELY, DeliveryMode.DAILY_DIGEST, DeliveryMode.OFF];
}
