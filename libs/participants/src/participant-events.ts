import { defineEvent } from '@tsunagu/core';

// A participant's profile changed (what matching reads of them: skills, interests, places,
// availability, visibility).
export const PARTICIPANT_PROFILE_CHANGED = defineEvent<{ participantId: string }>()(
  'PARTICIPANT_PROFILE_CHANGED',
);
