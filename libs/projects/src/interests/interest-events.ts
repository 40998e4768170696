import { defineEvent } from '@tsunagu/core';

// A participant marked a project 興味あり (published by ProjectInterestService, once per
// participant and project however often they unmark and mark again).
export const PROJECT_INTEREST_MARKED = defineEvent<{ projectId: string; participantId: string }>()(
  'PROJECT_INTEREST_MARKED',
);
