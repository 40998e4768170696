import { defineEvent } from '@tsunagu/core';

// The events of a project's lifecycle (published by ProjectLifecycleService).

// Something matching reads of a project changed: it entered or left PUBLISHED, was extended,
// paused or unpaused.
export const PROJECT_CHANGED = defineEvent<{ projectId: string }>()('PROJECT_CHANGED');

// A project stopped taking applications until the region answers its overdue ones.
export const PROJECT_PAUSED = defineEvent<{ projectId: string; pausedAt: string }>()(
  'PROJECT_PAUSED',
);

// Review steps, each naming its audit entry (who acted, the comment). A region submitted a
// project for review: the covering intermediaries review it.
export const PROJECT_SUBMITTED = defineEvent<{ projectId: string; auditEntryId: string }>()(
  'PROJECT_SUBMITTED',
);

// A supervisor sent a project back to its region with a comment.
export const PROJECT_CHANGES_REQUESTED = defineEvent<{
  projectId: string;
  auditEntryId: string;
}>()('PROJECT_CHANGES_REQUESTED');

// A supervisor published a project.
export const PROJECT_PUBLISHED = defineEvent<{ projectId: string; auditEntryId: string }>()(
  'PROJECT_PUBLISHED',
);

// The review event each lifecycle action announces, if any.
export const REVIEW_EVENTS = {
  SUBMIT: PROJECT_SUBMITTED,
  REQUEST_CHANGES: PROJECT_CHANGES_REQUESTED,
  PUBLISH: PROJECT_PUBLISHED,
} as const;
