import { defineEvent } from '@tsunagu/core';

// The events of the events context. Payloads carry ids; event-audiences.ts says who hears of each.

// Someone on the waiting list got a place because another registrant cancelled (or the organiser
// raised the capacity).
export const EVENT_PLACE_OFFERED = defineEvent<{ registrationId: string }>()('EVENT_PLACE_OFFERED');

// A registrant's reminder fell due: the day before (09:00 their time) or an hour before.
export const EVENT_REMINDER = defineEvent<{ registrationId: string; kind: string }>()(
  'EVENT_REMINDER',
);

// The organiser cancelled a published event: everyone registered or waiting hears of it.
export const EVENT_CANCELLED = defineEvent<{ eventId: string }>()('EVENT_CANCELLED');
