import { defineEvent } from '@tsunagu/core';

// The events of the mentoring context. Payloads carry ids; mentoring-audiences.ts says who hears
// of each.

// A member organisation booked a mentor's slot: the mentor hears of it.
export const MENTORING_BOOKED = defineEvent<{ bookingId: string }>()('MENTORING_BOOKED');

// A session was cancelled: the other side hears of it (the mentor when the member cancelled, the
// member's staff member who booked when the mentor did).
export const MENTORING_CANCELLED = defineEvent<{ bookingId: string }>()('MENTORING_CANCELLED');
