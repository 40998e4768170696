import { dayHours, jstInstant, jstParts, reminderDue, signupCutoff } from './activity-day-times';

describe('activity day times (Japan time)', () => {
  it('reads and writes Japan dates and times', () => {
    const at = jstInstant('2027-05-01', '08:30');
    expect(at.toISOString()).toBe('2027-04-30T23:30:00.000Z');
    expect(jstParts(at)).toEqual({ date: '2027-05-01', time: '08:30' });
  });

  it('closes sign-ups at midnight starting the day, and reminds at 09:00 the day before', () => {
    const startsAt = jstInstant('2027-05-01', '08:30');
    expect(signupCutoff(startsAt).toISOString()).toBe('2027-04-30T15:00:00.000Z');
    expect(reminderDue(startsAt).toISOString()).toBe('2027-04-30T00:00:00.000Z');
  });

  it('credits the length of the day in tenths of an hour', () => {
    expect(dayHours(jstInstant('2027-05-01', '09:00'), jstInstant('2027-05-01', '15:20'))).toBe(
      6.3,
    );
  });
});
