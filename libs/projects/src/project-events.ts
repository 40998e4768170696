import { defineEvent } from '@tsunagu/core';

// The events of a project's lifecycle (published by ProjectLifecycleService).

// Something matching reads of a project changed: it entered or left PUBLISHED, was extended,
// paused or unpaused.
export const PROJECT_CHANGED = defineEvent<{ projectId: string }>()('PROJECT_CHANGED');

// A project stopped taking applications until the region answers its overdue ones.
export const PROJECT_PAUSED = defineEvent<{ projectId: string; pausedAt: string }>()(
  'PROJECT_PAUSED',
);
