import { defineEvent } from '@tsunagu/core';

// A region scouted a participant.
export const SCOUT_OFFER_RECEIVED = defineEvent<{ offerId: string }>()('SCOUT_OFFER_RECEIVED');

// The participant accepted or declined a scout offer.
export const SCOUT_OFFER_ANSWERED = defineEvent<{ offerId: string }>()('SCOUT_OFFER_ANSWERED');
