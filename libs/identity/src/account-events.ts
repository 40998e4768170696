import { defineEvent } from '@tsunagu/core';

// A person deleted their account. Published in the deletion's transaction: each context that
// holds personal data erases or anonymises it there (@OnEvent), so the deletion commits whole.
export const ACCOUNT_DELETED = defineEvent<{ userId: string }>()('ACCOUNT_DELETED');

// A person chose another time zone. Published in the change's transaction: whatever is timed
// by their local clock (event reminders at 09:00 on the eve) is recomputed there.
export const TIME_ZONE_CHANGED = defineEvent<{ userId: string; timeZone: string }>()(
  'TIME_ZONE_CHANGED',
);
