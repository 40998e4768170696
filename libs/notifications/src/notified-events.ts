import type { EventOf } from '@tsunagu/core';
import { ALLOCATION_READY } from '@tsunagu/cohorts';
import { MESSAGE_POSTED } from '@tsunagu/conversations';
import {
  COUNCIL_CONTACT_RECEIVED,
  COUNCIL_MEMBERSHIP_APPLIED,
  COUNCIL_MEMBERSHIP_DECIDED,
} from '@tsunagu/council';
import { EVENT_CANCELLED, EVENT_PLACE_OFFERED, EVENT_REMINDER } from '@tsunagu/events';
import { MENTORING_BOOKED, MENTORING_CANCELLED } from '@tsunagu/mentoring';
import {
  ACTIVITY_DAY_CANCELLED,
  ACTIVITY_DAY_REMINDER,
  ACTIVITY_DAYS_PUBLISHED,
  APPLICATION_SUBMITTED,
  APPLICATION_UNANSWERED,
  ENGAGEMENT_STALE,
  ENGAGEMENT_STATUS_CHANGED,
  FOLLOW_UP_DUE,
  MILESTONE_OVERDUE,
  SCOUT_OFFER_ANSWERED,
  SCOUT_OFFER_RECEIVED,
} from '@tsunagu/engagements';
import {
  PROJECT_CHANGES_REQUESTED,
  PROJECT_INTEREST_MARKED,
  PROJECT_PAUSED,
  PROJECT_PUBLISHED,
  PROJECT_SUBMITTED,
} from '@tsunagu/projects';

// The events people are told about, each declared by the context whose rule produces it (which
// also provides its audience). Their names are the notification and webhook event types.
export const NOTIFIED_EVENTS = [
  APPLICATION_SUBMITTED,
  ENGAGEMENT_STATUS_CHANGED,
  SCOUT_OFFER_RECEIVED,
  SCOUT_OFFER_ANSWERED,
  APPLICATION_UNANSWERED,
  ENGAGEMENT_STALE,
  MILESTONE_OVERDUE,
  FOLLOW_UP_DUE,
  PROJECT_PAUSED,
  PROJECT_INTEREST_MARKED,
  ALLOCATION_READY,
  MESSAGE_POSTED,
  PROJECT_SUBMITTED,
  PROJECT_CHANGES_REQUESTED,
  PROJECT_PUBLISHED,
  EVENT_PLACE_OFFERED,
  EVENT_REMINDER,
  EVENT_CANCELLED,
  MENTORING_BOOKED,
  MENTORING_CANCELLED,
  ACTIVITY_DAYS_PUBLISHED,
  ACTIVITY_DAY_CANCELLED,
  ACTIVITY_DAY_REMINDER,
  COUNCIL_MEMBERSHIP_APPLIED,
  COUNCIL_MEMBERSHIP_DECIDED,
  COUNCIL_CONTACT_RECEIVED,
] as const;

export type NotificationEventType = (typeof NOTIFIED_EVENTS)[number]['name'];

export const NOTIFICATION_EVENT_TYPES: readonly NotificationEventType[] = NOTIFIED_EVENTS.map(
  (e) => e.name,
);

export function isNotificationEventType(type: string): type is NotificationEventType {
  return (NOTIFICATION_EVENT_TYPES as readonly string[]).includes(type);
}

// One occurrence of a notified event, its payload typed by its name.
export type NotifiedEvent<T extends NotificationEventType = NotificationEventType> = EventOf<
  Extract<(typeof NOTIFIED_EVENTS)[number], { name: T }>
>;
