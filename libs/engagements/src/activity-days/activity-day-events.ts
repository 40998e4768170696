import { defineEvent } from '@tsunagu/core';

// The events of activity days. Payloads carry ids; activity-day-audiences.ts says who hears.

// A region published new days on a project: everyone engaged on it may sign up.
export const ACTIVITY_DAYS_PUBLISHED = defineEvent<{
  projectId: string;
  activityDayIds: string[];
}>()('ACTIVITY_DAYS_PUBLISHED');

// The region called a day off: those signed up hear of it.
export const ACTIVITY_DAY_CANCELLED = defineEvent<{ activityDayId: string }>()(
  'ACTIVITY_DAY_CANCELLED',
);

// The day before, in the morning (Japan time): those signed up are reminded.
export const ACTIVITY_DAY_REMINDER = defineEvent<{ signupId: string }>()('ACTIVITY_DAY_REMINDER');
