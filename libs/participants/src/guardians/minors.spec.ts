import { ParticipantKind } from '../participant-profile.entity';
import { ageOn, needsGuardianOn } from './minors';

describe('minors', () => {
  it('counts a birthday from the day itself', () => {
    expect(ageOn('2009-03-15', '2027-03-14')).toBe(17);
    expect(ageOn('2009-03-15', '2027-03-15')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('asks a guardian under 18 on the day, and for a high-school student without a birth date', () => {
    const student = { kind: ParticipantKind.HIGH_SCHOOL_STUDENT, dateOfBirth: null };
    expect(needsGuardianOn(student, '2027-01-01')).toBe(true);
    expect(needsGuardianOn({ ...student, dateOfBirth: '2009-03-15' }, '2027-03-14')).toBe(true);
    expect(needsGuardianOn({ ...student, dateOfBirth: '2009-03-15' }, '2027-03-15')).toBe(false);
    const adult = { kind: ParticipantKind.PRO_BONO, dateOfBirth: null };
    expect(needsGuardianOn(adult, '2027-01-01')).toBe(false);
    expect(needsGuardianOn({ ...adult, dateOfBirth: '2012-01-01' }, '2027-01-01')).toBe(true);
  });
});
