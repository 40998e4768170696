import { FieldProblem, JapanGeography, todayInJapan } from '@tsunagu/core';
import { ParticipantKind } from './participant-profile.entity';
import { AGE_OF_MAJORITY, ageOn } from './guardians/minors';
import type { ParticipantProfileInput, ParticipantSearchFilter } from './participant.types';

// English names of languages; a two-letter code it cannot name is not an ISO 639-1 code.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

export function isIso639_1(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined;
}

// The rules a profile must satisfy that need no database, each reported with its field path so
// a client can show every problem at once. Lookups (skills, themes, company) come after these.
export function profileInputProblems(input: ParticipantProfileInput, now?: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string[], message: string) =>
    problems.push({ path: ['input', ...path], message });

  const isHighSchool = input.kind === ParticipantKind.HIGH_SCHOOL_STUDENT;
  const today = todayInJapan(now);
  if (input.dateOfBirth != null) {
    const age = ageOn(input.dateOfBirth, today);
    if (input.dateOfBirth > today || age > 120) {
      add(['dateOfBirth'], 'must be a past date within the last 120 years');
    }
  } else if (isHighSchool) {
    add(['dateOfBirth'], 'is required for a HIGH_SCHOOL_STUDENT: under 18 needs a guardian');
  }
  const minor = input.dateOfBirth != null && ageOn(input.dateOfBirth, today) < AGE_OF_MAJORITY;
  // Age decides who needs a guardian (needsGuardianOn); a high-school student without a date of
  // birth is refused above and asked for the guardian too, as when in doubt.
  const guarded = minor || (isHighSchool && input.dateOfBirth == null);
  if (isHighSchool && guarded) {
    if (!input.guardianName?.trim()) {
      add(
        ['guardianName'],
        'is required for a HIGH_SCHOOL_STUDENT under 18: the guardian who consents',
      );
    }
    if (input.guardianConsent !== true) {
      add(
        ['guardianConsent'],
        "must be true: a HIGH_SCHOOL_STUDENT under 18 needs a guardian's consent",
      );
    }
  } else {
    // Guardian details of an adult would be a third party's data kept for nothing.
    if (input.guardianName != null && !minor) {
      add(['guardianName'], 'is only for someone under 18');
    }
    if (input.guardianEmail != null && !minor) {
      add(['guardianEmail'], 'is only for someone under 18');
    }
    if (input.guardianConsent === true) {
      add(['guardianConsent'], 'is only for a HIGH_SCHOOL_STUDENT under 18');
    }
  }

  if (input.kind === ParticipantKind.COMPANY_EMPLOYEE) {
    if (!input.companyOrganizationId) {
      add(
        ['companyOrganizationId'],
        'is required for a COMPANY_EMPLOYEE: the company that sends you',
      );
    }
  } else if (input.companyOrganizationId != null) {
    add(['companyOrganizationId'], 'is only for a COMPANY_EMPLOYEE');
  }

  const firstIndexOf = new Map<string, number>();
  (input.skills ?? []).forEach((skill, i) => {
    const first = firstIndexOf.get(skill.skillId);
    if (first !== undefined) {
      add(['skills', String(i), 'skillId'], `repeats the skill at index ${first}`);
    } else {
      firstIndexOf.set(skill.skillId, i);
    }
  });

  if (
    input.homeMunicipalityCode &&
    !JapanGeography.get().municipality(input.homeMunicipalityCode)
  ) {
    add(['homeMunicipalityCode'], `unknown municipality code ${input.homeMunicipalityCode}`);
  }

  (input.languages ?? []).forEach((code, i) => {
    if (!isIso639_1(code))
      add(['languages', String(i)], `${code} is not an ISO 639-1 language code`);
  });

  return problems;
}

export function searchFilterProblems(filter: ParticipantSearchFilter): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (filter.minLevel != null && !filter.skillIds?.length) {
    problems.push({ path: ['filter', 'minLevel'], message: 'only applies together with skillIds' });
  }
  if (filter.prefectureCode && !JapanGeography.get().prefecture(filter.prefectureCode)) {
    problems.push({
      path: ['filter', 'prefectureCode'],
      message: `unknown prefecture code ${filter.prefectureCode}`,
    });
  }
  return problems;
}
