import { MentoringCancelledBy } from './mentoring.entities';

// Until this long before the start a member cancels free of charge; later it is still allowed but
// recorded as late (the mentor sees it, and it counts in the member's history).
export const FREE_CANCELLATION_HOURS = 24;
const HOUR = 60 * 60 * 1000;

export type CancellationOutcome =
  { allowed: true; late: boolean } | { allowed: false; reason: 'STARTED' | 'REASON_REQUIRED' };

// Who may cancel when: either side until the session starts; a mentor always says why; a member
// cancelling within FREE_CANCELLATION_HOURS is recorded as late.
export function cancellationOutcome(
  by: MentoringCancelledBy,
  startsAt: Date,
  now: Date,
  reason: string | null,
): CancellationOutcome {
  if (startsAt.getTime() <= now.getTime()) return { allowed: false, reason: 'STARTED' };
  if (by === MentoringCancelledBy.MENTOR) {
    if (!reason) return { allowed: false, reason: 'REASON_REQUIRED' };
    return { allowed: true, late: false };
  }
  return {
    allowed: true,
    late: startsAt.getTime() - now.getTime() < FREE_CANCELLATION_HOURS * HOUR,
  };
}
