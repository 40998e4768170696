import { ParticipantKind } from '../participant-profile.entity';

export const AGE_OF_MAJORITY = 18;

// Age in whole years on a day (both YYYY-MM-DD): birthdays count from the day itself.
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// Whether a guardian must consent to what starts on `day`. A high-school student who has not
// given a date of birth yet (profiles from before it was asked) is taken to be a minor: when in
// doubt the guardian is asked.
export function needsGuardianOn(
  profile: { kind: ParticipantKind; dateOfBirth: string | null },
  day: string,
): boolean {
  if (profile.dateOfBirth) return ageOn(profile.dateOfBirth, day) < AGE_OF_MAJORITY;
  return profile.kind === ParticipantKind.HIGH_SCHOOL_STUDENT;
}
