import { registerEnumType } from '@nestjs/graphql';

// Why a CONFLICT happened, in `extensions.reason`: the request was well formed and allowed for
// this user, but the state of things refuses it. Clients branch on these, never on messages.
export enum ConflictReason {
  // A record with this name, code or e-mail address exists, or the person is already a member.
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  // The participant (or a team member) already has an application for this project.
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  // What is asked was done already: approved, recorded, answered, confirmed, given.
  ALREADY_DONE = 'ALREADY_DONE',
  // Every seat is taken (accepted, approved, active or completed engagements).
  PROJECT_FULL = 'PROJECT_FULL',
  // Every place on the activity day is taken.
  DAY_FULL = 'DAY_FULL',
  // The project is not published, or is paused.
  NOT_TAKING_APPLICATIONS = 'NOT_TAKING_APPLICATIONS',
  // The project is not open to this kind of participant.
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  // A lifecycle step not allowed from the current status (project or engagement).
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  // The record is not in the status this needs (a draft to edit, an ACTIVE engagement to check
  // in, a DEAD delivery to retry, an OPEN cohort, a PROPOSED allocation…).
  WRONG_STATUS = 'WRONG_STATUS',
  // A follow-up answered before it is due.
  NOT_DUE_YET = 'NOT_DUE_YET',
  // A scout offer past its expiry.
  EXPIRED = 'EXPIRED',
  // A project's pending or weekly scout offers are at their limit.
  SCOUT_LIMIT_REACHED = 'SCOUT_LIMIT_REACHED',
  // The participant has a pending scout offer for this project already.
  SCOUT_OFFER_PENDING = 'SCOUT_OFFER_PENDING',
  // The participant declined an offer for this project: it does not ask again.
  SCOUT_OFFER_DECLINED = 'SCOUT_OFFER_DECLINED',
  // An organisation's allowance (e.g. webhook endpoints) is used up.
  LIMIT_REACHED = 'LIMIT_REACHED',
  // The capacity asked for is below the seats already held.
  CAPACITY_BELOW_SEATS_HELD = 'CAPACITY_BELOW_SEATS_HELD',
  // The project's period would leave out engagements that already started.
  PERIOD_EXCLUDES_ENGAGEMENTS = 'PERIOD_EXCLUDES_ENGAGEMENTS',
  // The project still has engagements holding seats (archiving would strand them).
  ENGAGEMENTS_IN_PROGRESS = 'ENGAGEMENTS_IN_PROGRESS',
  // The message thread is closed: its engagement is over (isThreadClosed).
  CONVERSATION_CLOSED = 'CONVERSATION_CLOSED',
  // Someone changed the same data meanwhile: read again and retry.
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  // The account's e-mail address is not verified yet: applying waits for it.
  EMAIL_NOT_VERIFIED = 'EMAIL_NOT_VERIFIED',
  // Removing this member would leave the organisation without an owner.
  LAST_OWNER = 'LAST_OWNER',
  // A participant under 18 needs their guardian's consent first (engagement or event place).
  GUARDIAN_CONSENT_REQUIRED = 'GUARDIAN_CONSENT_REQUIRED',
  // A participant under 18 must name their guardian and the guardian's e-mail address first.
  GUARDIAN_DETAILS_NEEDED = 'GUARDIAN_DETAILS_NEEDED',
  // The guardian's e-mail address is the participant's own: the guardian must be someone else.
  GUARDIAN_EMAIL_IS_OWN = 'GUARDIAN_EMAIL_IS_OWN',
  // A database rule refused the write (a check constraint the code did not foresee).
  INVARIANT_VIOLATED = 'INVARIANT_VIOLATED',
  // A mentor's new slot overlaps one of their own live slots.
  OVERLAPPING_SLOT = 'OVERLAPPING_SLOT',
  // Another organisation booked the mentoring slot first.
  SLOT_TAKEN = 'SLOT_TAKEN',
  // The organisation already holds a mentoring session at an overlapping time.
  OVERLAPPING_SESSION = 'OVERLAPPING_SESSION',
  // What is asked is for approved members of the council (かかわりラボ) only.
  NOT_A_COUNCIL_MEMBER = 'NOT_A_COUNCIL_MEMBER',
}

// In the schema (not used by any field: errors are not typed there) so clients can see the values.
registerEnumType(ConflictReason, {
  name: 'ConflictReason',
  description: 'Why a CONFLICT error happened: its extensions.reason',
});
