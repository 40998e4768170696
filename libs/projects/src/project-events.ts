import { defineEvent } from '@tsunagu/core';

// The events of a project's lifecycle (published by ProjectLifecycleService).

// A project stopped taking applications until the region answers its overdue ones.
export const PROJECT_PAUSED = defineEvent<{ projectId: string; pausedAt: string }>()(
  'PROJECT_PAUSED',
);
