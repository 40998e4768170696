import type { TFunction } from 'i18next';
import type { NotificationEventType, NotificationFieldsFragment } from '../gql/graphql';
import { formatDate, formatDateTime } from '../i18n/format';

type Facts = Record<string, string>;
// The message key (under notifications.sentence) and its values, from the facts.
type Wording = (facts: Facts, audience: NotificationFieldsFragment['audience']) => string;

// One wording per event type the API notifies of: the record's type makes a new type in the
// schema fail the type-check until it has one (and notification-sentence.test.ts checks both
// languages).
export const WORDINGS: Record<NotificationEventType, Wording> = {
  APPLICATION_SUBMITTED: () => 'APPLICATION_SUBMITTED',
  ENGAGEMENT_STATUS_CHANGED: (_facts, audience) =>
    audience === 'PARTICIPANT' ? 'ENGAGEMENT_STATUS_CHANGED' : 'ENGAGEMENT_STATUS_CHANGED_staff',
  SCOUT_OFFER_RECEIVED: () => 'SCOUT_OFFER_RECEIVED',
  SCOUT_OFFER_ANSWERED: (facts) =>
    facts.answer === 'ACCEPTED' ? 'SCOUT_OFFER_ANSWERED' : 'SCOUT_OFFER_ANSWERED_declined',
  APPLICATION_UNANSWERED: () => 'APPLICATION_UNANSWERED',
  ENGAGEMENT_STALE: () => 'ENGAGEMENT_STALE',
  MILESTONE_OVERDUE: () => 'MILESTONE_OVERDUE',
  FOLLOW_UP_DUE: () => 'FOLLOW_UP_DUE',
  PROJECT_PAUSED: () => 'PROJECT_PAUSED',
  PROJECT_INTEREST_MARKED: () => 'PROJECT_INTEREST_MARKED',
  MESSAGE_POSTED: () => 'MESSAGE_POSTED',
  ALLOCATION_READY: (facts) =>
    facts.status === 'FAILED' ? 'ALLOCATION_READY_failed' : 'ALLOCATION_READY',
  PROJECT_SUBMITTED: () => 'PROJECT_SUBMITTED',
  // The region is asked to act; the other supervisors only hear what a colleague decided.
  PROJECT_CHANGES_REQUESTED: (_facts, audience) =>
    audience === 'REGION' ? 'PROJECT_CHANGES_REQUESTED' : 'PROJECT_CHANGES_REQUESTED_staff',
  PROJECT_PUBLISHED: (_facts, audience) =>
    audience === 'REGION' ? 'PROJECT_PUBLISHED' : 'PROJECT_PUBLISHED_staff',
  EVENT_PLACE_OFFERED: () => 'EVENT_PLACE_OFFERED',
  EVENT_REMINDER: (facts) =>
    facts.kind === 'HOUR_BEFORE' ? 'EVENT_REMINDER_hour' : 'EVENT_REMINDER',
  EVENT_CANCELLED: () => 'EVENT_CANCELLED',
  MENTORING_BOOKED: () => 'MENTORING_BOOKED',
  MENTORING_CANCELLED: (facts) =>
    facts.side === 'MEMBER' ? 'MENTORING_CANCELLED' : 'MENTORING_CANCELLED_mentor',
  ACTIVITY_DAYS_PUBLISHED: (facts) =>
    facts.count === '1' ? 'ACTIVITY_DAYS_PUBLISHED_one' : 'ACTIVITY_DAYS_PUBLISHED',
  ACTIVITY_DAY_REMINDER: () => 'ACTIVITY_DAY_REMINDER',
  ACTIVITY_DAY_CANCELLED: () => 'ACTIVITY_DAY_CANCELLED',
  COUNCIL_MEMBERSHIP_APPLIED: () => 'COUNCIL_MEMBERSHIP_APPLIED',
  COUNCIL_MEMBERSHIP_DECIDED: (facts) =>
    facts.status === 'APPROVED' ? 'COUNCIL_MEMBERSHIP_APPROVED' : 'COUNCIL_MEMBERSHIP_REJECTED',
  COUNCIL_CONTACT_RECEIVED: () => 'COUNCIL_CONTACT_RECEIVED',
};

// Council notices lead into the workspace of the organisation heard for: the platform admins'
// application queue, or the member's own council page.
const COUNCIL_PAGES: Partial<Record<NotificationEventType, string>> = {
  COUNCIL_MEMBERSHIP_APPLIED: 'admin/council',
  COUNCIL_MEMBERSHIP_DECIDED: 'council',
  // The message is in the notification; the member's council page is where partners are found.
  COUNCIL_CONTACT_RECEIVED: 'council',
};

// Review steps lead staff into the workspace of the organisation they heard of it for.
const REVIEW_STEPS: ReadonlySet<string> = new Set([
  'PROJECT_SUBMITTED',
  'PROJECT_CHANGES_REQUESTED',
  'PROJECT_PUBLISHED',
]);

// The facts each wording needs; without them (a notification older than its facts) the title
// the API stored is shown instead.
const NEEDS: Record<string, string[]> = {
  cohort: ['ALLOCATION_READY', 'ALLOCATION_READY_failed'],
  event: ['EVENT_PLACE_OFFERED', 'EVENT_REMINDER', 'EVENT_REMINDER_hour', 'EVENT_CANCELLED'],
  initiative: ['MENTORING_BOOKED', 'MENTORING_CANCELLED', 'MENTORING_CANCELLED_mentor'],
  organization: [
    'COUNCIL_MEMBERSHIP_APPLIED',
    'COUNCIL_MEMBERSHIP_APPROVED',
    'COUNCIL_MEMBERSHIP_REJECTED',
    'COUNCIL_CONTACT_RECEIVED',
  ],
};

type Notification = Pick<NotificationFieldsFragment, 'type' | 'title' | 'audience' | 'facts'>;

function isKnown(type: string): type is NotificationEventType {
  return Object.hasOwn(WORDINGS, type);
}

// A readable sentence in the reader's language, built from the notification's type and facts:
// statuses and dates are worded, never shown as codes.
export function notificationSentence(
  notification: Notification,
  t: TFunction,
  language: string,
): string {
  const facts: Facts = Object.fromEntries(notification.facts.map((f) => [f.name, f.value]));
  if (!isKnown(notification.type) || notification.facts.length === 0) return notification.title;
  const key = WORDINGS[notification.type](facts, notification.audience);
  const subject = NEEDS.cohort.includes(key)
    ? facts.cohort
    : NEEDS.event.includes(key)
      ? facts.event
      : NEEDS.initiative.includes(key)
        ? facts.initiative
        : NEEDS.organization.includes(key)
          ? facts.organization
          : facts.project;
  const to = facts.toStatus
    ? t(`notifications.status.${facts.toStatus}`, { defaultValue: '' })
    : '';
  if (!subject || (key.startsWith('ENGAGEMENT_STATUS_CHANGED') && !to)) return notification.title;
  return t(`notifications.sentence.${key}`, {
    ...facts,
    // Due dates are days in Japan, as the API's sweeps count them.
    since: facts.since ? formatDate(facts.since, language, 'Asia/Tokyo') : '',
    // An event's own title in English when it has one; its start in its own zone.
    event: language === 'en' ? (facts.eventEn ?? facts.event) : facts.event,
    startsAt: facts.startsAt ? formatDateTime(facts.startsAt, language, facts.timeZone) : '',
    // An activity day's date, a day in Japan.
    day: facts.date ? formatDate(facts.date, language) : '',
    to,
  });
}

type Links = Pick<
  NotificationFieldsFragment,
  'projectId' | 'engagementId' | 'scoutOfferId' | 'conversationId'
> &
  Partial<Pick<NotificationFieldsFragment, 'eventId'>> &
  Partial<Pick<NotificationFieldsFragment, 'type' | 'audience' | 'organizationId'>>;

// Where a notification leads in the app: the intermediary's review of a project or the region's
// own page of it, the thread, the offers, the engagement (staff: in their workspace), or the
// project.
export function notificationLink(notification: Links): string | null {
  const { type, organizationId, projectId } = notification;
  if (type && REVIEW_STEPS.has(type) && organizationId && projectId) {
    const page = notification.audience === 'INTERMEDIARY' ? 'review' : 'projects';
    return `/manage/${organizationId}/${page}/${projectId}`;
  }
  // A member's staff see their sessions in the workspace; a mentor on their own page.
  if (type?.startsWith('MENTORING_')) {
    return organizationId ? `/manage/${organizationId}/mentoring` : '/mentoring';
  }
  const councilPage = type && COUNCIL_PAGES[type as NotificationEventType];
  if (councilPage && organizationId) return `/manage/${organizationId}/${councilPage}`;
  if (notification.conversationId) return `/messages/${notification.conversationId}`;
  if (notification.eventId) return `/events/${notification.eventId}`;
  if (notification.scoutOfferId) return '/scout-offers';
  if (notification.engagementId) {
    // Staff deal with an engagement in the workspace of the organisation they heard of it for.
    const staff = notification.audience === 'REGION' || notification.audience === 'INTERMEDIARY';
    return staff && organizationId
      ? `/manage/${organizationId}/engagements/${notification.engagementId}`
      : `/engagements/${notification.engagementId}`;
  }
  if (notification.projectId) return `/projects/${notification.projectId}`;
  return null;
}
