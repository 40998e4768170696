import { defineEvent } from '@tsunagu/core';

// The events of applications and engagements. Payloads carry ids; the audiences beside them
// (engagement-audiences.ts) say who hears of each.

// A participant applied: the project's region staff answer it.
export const APPLICATION_SUBMITTED = defineEvent<{ engagementId: string }>()(
  'APPLICATION_SUBMITTED',
);

// An engagement moved (interview, accepted, declined, approved, started, completed, withdrawn,
// cancelled): the participant, the region and the supervisor hear of it.
export const ENGAGEMENT_STATUS_CHANGED = defineEvent<{
  engagementId: string;
  engagementEventId: string;
}>()('ENGAGEMENT_STATUS_CHANGED');

// An application waited longer than the response rule allows: the supervisors step in.
export const APPLICATION_UNANSWERED = defineEvent<{ engagementId: string; since: string }>()(
  'APPLICATION_UNANSWERED',
);

// An active engagement went quiet.
export const ENGAGEMENT_STALE = defineEvent<{ engagementId: string; since: string }>()(
  'ENGAGEMENT_STALE',
);

// A milestone of an active engagement is overdue.
export const MILESTONE_OVERDUE = defineEvent<{ engagementId: string; since: string }>()(
  'MILESTONE_OVERDUE',
);

// A project gained or lost a live application (matching counts them as its candidates).
export const PROJECT_CANDIDATES_CHANGED = defineEvent<{ projectId: string }>()(
  'PROJECT_CANDIDATES_CHANGED',
);

// A participant's ties with regions changed (an application, or contacts shared or withdrawn).
export const PARTICIPANT_TIES_CHANGED = defineEvent<{ participantId: string }>()(
  'PARTICIPANT_TIES_CHANGED',
);

// A 3/6/12-month follow-up fell due.
export const FOLLOW_UP_DUE = defineEvent<{ followUpId: string }>()('FOLLOW_UP_DUE');
