import { cancellationOutcome, FREE_CANCELLATION_HOURS } from './cancellation-rules';
import { MentoringCancelledBy } from './mentoring.entities';

const HOUR = 60 * 60 * 1000;
const now = new Date('2027-01-10T00:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * HOUR);

describe('cancellationOutcome', () => {
  it('lets a member cancel free until 24 hours before, and records a later one as late', () => {
    const member = MentoringCancelledBy.MEMBER;
    expect(cancellationOutcome(member, inHours(FREE_CANCELLATION_HOURS), now, null)).toEqual({
      allowed: true,
      late: false,
    });
    expect(cancellationOutcome(member, inHours(FREE_CANCELLATION_HOURS - 0.01), now, null)).toEqual(
      { allowed: true, late: true },
    );
  });

  it('refuses either side once the session started', () => {
    expect(cancellationOutcome(MentoringCancelledBy.MEMBER, now, now, null)).toEqual({
      allowed: false,
      reason: 'STARTED',
    });
    expect(cancellationOutcome(MentoringCancelledBy.MENTOR, inHours(-1), now, 'ill')).toEqual({
      allowed: false,
      reason: 'STARTED',
    });
  });

  it('asks the mentor for a reason, and never counts their cancellation as late', () => {
    expect(cancellationOutcome(MentoringCancelledBy.MENTOR, inHours(2), now, null)).toEqual({
      allowed: false,
      reason: 'REASON_REQUIRED',
    });
    expect(cancellationOutcome(MentoringCancelledBy.MENTOR, inHours(2), now, '体調不良')).toEqual({
      allowed: true,
      late: false,
    });
  });
});
