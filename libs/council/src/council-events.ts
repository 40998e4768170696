import { defineEvent } from '@tsunagu/core';

// The events of the council context. Payloads carry ids; council-audiences.ts says who hears.

// An organisation applied (or applied again) to join the council: the platform admins decide.
export const COUNCIL_MEMBERSHIP_APPLIED = defineEvent<{ membershipId: string }>()(
  'COUNCIL_MEMBERSHIP_APPLIED',
);

// The platform admins approved or rejected an application: the organisation's staff hear why.
export const COUNCIL_MEMBERSHIP_DECIDED = defineEvent<{ membershipId: string }>()(
  'COUNCIL_MEMBERSHIP_DECIDED',
);

// A member's staff wrote to another member through the platform: its staff read it.
export const COUNCIL_CONTACT_RECEIVED = defineEvent<{ contactId: string }>()(
  'COUNCIL_CONTACT_RECEIVED',
);
