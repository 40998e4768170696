import { describe, expect, it } from 'vitest';
import { isMinor, needsGuardian } from './profile-form';

describe('who names a guardian', () => {
  it("counts the age on Japan's date, not the UTC one", () => {
    // 15:30 UTC on 14 March is already 15 March in Japan: the 18th birthday has come.
    expect(isMinor('2009-03-15', new Date('2027-03-14T15:30:00Z'))).toBe(false);
    expect(isMinor('2009-03-15', new Date('2027-03-14T14:30:00Z'))).toBe(true);
  });

  it('follows age only: an adult high-school student names none', () => {
    const now = new Date('2027-04-01T00:00:00Z');
    expect(needsGuardian({ kind: 'HIGH_SCHOOL_STUDENT', dateOfBirth: '2009-03-01' }, now)).toBe(
      false,
    );
    expect(needsGuardian({ kind: 'HIGH_SCHOOL_STUDENT', dateOfBirth: '2009-04-02' }, now)).toBe(
      true,
    );
    expect(needsGuardian({ kind: 'UNIVERSITY_STUDENT', dateOfBirth: '2010-01-01' }, now)).toBe(
      true,
    );
    // Not given yet (it is required of them): asked, as when in doubt.
    expect(needsGuardian({ kind: 'HIGH_SCHOOL_STUDENT', dateOfBirth: '' }, now)).toBe(true);
    expect(needsGuardian({ kind: 'PRO_BONO', dateOfBirth: '' }, now)).toBe(false);
  });

  it('lets no date of birth decide that is not a past day: as if none was given', () => {
    const now = new Date('2027-04-01T00:00:00Z');
    // Born tomorrow (in Japan) would be under 18: it is a mistake, not an age.
    expect(isMinor('2027-04-02', now)).toBe(false);
    expect(needsGuardian({ kind: 'UNIVERSITY_STUDENT', dateOfBirth: '2027-04-02' }, now)).toBe(
      false,
    );
    expect(needsGuardian({ kind: 'PRO_BONO', dateOfBirth: '2099-01-01' }, now)).toBe(false);
    // A day that does not exist, or text half typed, decides nothing either.
    expect(needsGuardian({ kind: 'UNIVERSITY_STUDENT', dateOfBirth: '2010-02-30' }, now)).toBe(
      false,
    );
    expect(needsGuardian({ kind: 'UNIVERSITY_STUDENT', dateOfBirth: '2010年4' }, now)).toBe(false);
    // A high-school student is asked, as when the date is not given.
    expect(needsGuardian({ kind: 'HIGH_SCHOOL_STUDENT', dateOfBirth: '2027-04-02' }, now)).toBe(
      true,
    );
    // Today is a past day for this rule (born today: under 18).
    expect(needsGuardian({ kind: 'UNIVERSITY_STUDENT', dateOfBirth: '2027-04-01' }, now)).toBe(
      true,
    );
  });
});
