import type { TFunction } from 'i18next';
import { z } from 'zod';
import { dayText, isDay } from '../i18n/day';
import { todayInJapan } from '../i18n/format';
import type {
  AvailableDays,
  ParticipantGoal,
  ParticipantKind,
  ParticipantProfileInput,
  ProfileFieldsFragment,
  ProfileVisibility,
} from '../gql/graphql';

export const KINDS: readonly ParticipantKind[] = [
  'PRO_BONO',
  'UNIVERSITY_STUDENT',
  'HIGH_SCHOOL_STUDENT',
  'COMPANY_EMPLOYEE',
];
export const GOALS: readonly ParticipantGoal[] = [
  'CAREER_BUILDING',
  'SKILL_INVENTORY',
  'SIDE_JOB_TRIAL',
  'LEARNING',
  'EXPLORING_A_MOVE',
];
export const DAYS: readonly AvailableDays[] = ['ANY', 'WEEKDAYS', 'WEEKENDS'];
export const VISIBILITIES: readonly ProfileVisibility[] = [
  'NOBODY',
  'INTERMEDIARIES',
  'INTERMEDIARIES_AND_REGIONS',
];
// Languages offered in the picker (ISO 639-1); the API takes any code.
export const LANGUAGES = ['ja', 'en', 'zh', 'ko', 'vi', 'pt', 'es', 'fr', 'de', 'id', 'ne', 'tl'];

// The API's limits (ParticipantProfileInput), checked here first so most mistakes show at once.
export const LIMITS = {
  skills: 30,
  themes: 20,
  periods: 20,
  languages: 10,
  bio: 2000,
  guardianName: 100,
  guardianEmail: 254,
  weeklyHours: [1, 80],
  travelRangeKm: [0, 3000],
} as const;
const PHONE = /^\+?[0-9][0-9 -]{8,18}[0-9]$/;

export interface ChosenSkill {
  skillId: string;
  name: string;
  nameEn: string;
  level: number;
}

export interface ProfileFormValues {
  kind: ParticipantKind;
  companyOrganizationId: string | null;
  dateOfBirth: string;
  guardianName: string;
  guardianEmail: string;
  guardianConsent: boolean;
  bio: string;
  skills: ChosenSkill[];
  themeCodes: string[];
  goals: ParticipantGoal[];
  weeklyHours: number | '';
  days: AvailableDays;
  periods: Array<{ from: string; to: string }>;
  prefectureCode: string | null;
  homeMunicipalityCode: string | null;
  travelRangeKm: number | '';
  remoteOnly: boolean;
  languages: string[];
  visibility: ProfileVisibility;
  phone: string;
}

// The form's names the API's field errors may land on (extensions.fields paths end in them).
export const PROFILE_FIELDS = [
  'kind',
  'companyOrganizationId',
  'dateOfBirth',
  'guardianName',
  'guardianEmail',
  'guardianConsent',
  'bio',
  'skills',
  'themeCodes',
  'goals',
  'weeklyHours',
  'days',
  'periods',
  'homeMunicipalityCode',
  'travelRangeKm',
  'remoteOnly',
  'languages',
  'visibility',
  'phone',
] as const satisfies ReadonlyArray<keyof ProfileFormValues>;

// A new profile starts from the API's defaults.
export const EMPTY_PROFILE: ProfileFormValues = {
  kind: 'PRO_BONO',
  companyOrganizationId: null,
  dateOfBirth: '',
  guardianName: '',
  guardianEmail: '',
  guardianConsent: false,
  bio: '',
  skills: [],
  themeCodes: [],
  goals: [],
  weeklyHours: '',
  days: 'ANY',
  periods: [],
  prefectureCode: null,
  homeMunicipalityCode: null,
  travelRangeKm: 100,
  remoteOnly: false,
  languages: ['ja'],
  visibility: 'INTERMEDIARIES',
  phone: '',
};

export function formValuesOf(profile: ProfileFieldsFragment | null | undefined): ProfileFormValues {
  if (!profile) return EMPTY_PROFILE;
  return {
    kind: profile.kind,
    companyOrganizationId: profile.company?.id ?? null,
    dateOfBirth: profile.dateOfBirth ?? '',
    guardianName: profile.guardianName ?? '',
    guardianEmail: profile.guardianEmail ?? '',
    guardianConsent: profile.guardianConsentAt != null,
    bio: profile.bio,
    skills: profile.skills.map(({ skillId, name, nameEn, level }) => ({
      skillId,
      name,
      nameEn,
      level,
    })),
    themeCodes: profile.themes.map((theme) => theme.code),
    goals: [...profile.goals],
    weeklyHours: profile.availability.weeklyHours ?? '',
    days: profile.availability.days,
    periods: profile.availability.periods.map((p) => ({ from: p.from, to: p.to ?? '' })),
    prefectureCode: profile.homeMunicipality?.prefectureCode ?? null,
    homeMunicipalityCode: profile.homeMunicipality?.code ?? null,
    travelRangeKm: profile.travelRangeKm,
    remoteOnly: profile.remoteOnly,
    languages: [...profile.languages],
    visibility: profile.visibility,
    phone: profile.phone ?? '',
  };
}

// A date of birth that can decide an age: a day that exists, today in Japan or before. Anything
// else (half-typed, a day that does not exist, one in the future) is a mistake the field points
// out, and decides nothing until corrected.
export function isBirthDay(dateOfBirth: string, now = new Date()): boolean {
  return isDay(dateOfBirth) && dateOfBirth <= todayInJapan(now);
}

// Under 18 today in Japan (YYYY-MM-DD date of birth): the API's rule for who names a guardian.
export function isMinor(dateOfBirth: string, now = new Date()): boolean {
  if (!isBirthDay(dateOfBirth, now)) return false;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = todayInJapan(now).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0) < 18;
}

// Whether the form asks for a guardian: age decides; a high-school student who has not given a
// date of birth yet (it is required of them) is asked too, as the API does when in doubt. A date
// of birth that is not a past day counts as not given.
export function needsGuardian(
  values: Pick<ProfileFormValues, 'kind' | 'dateOfBirth'>,
  now = new Date(),
): boolean {
  if (isBirthDay(values.dateOfBirth, now)) return isMinor(values.dateOfBirth, now);
  return values.kind === 'HIGH_SCHOOL_STUDENT';
}

// Saving replaces the whole profile: every field is sent, and details that belong to another
// kind (a guardian, a company) are left out so the API does not refuse them.
export function profileInputOf(values: ProfileFormValues): ParticipantProfileInput {
  const guardian = needsGuardian(values);
  return {
    kind: values.kind,
    companyOrganizationId: values.kind === 'COMPANY_EMPLOYEE' ? values.companyOrganizationId : null,
    dateOfBirth: values.dateOfBirth || null,
    guardianName: guardian ? values.guardianName.trim() || null : null,
    guardianEmail: guardian ? values.guardianEmail.trim() || null : null,
    guardianConsent:
      guardian && values.kind === 'HIGH_SCHOOL_STUDENT' ? values.guardianConsent : null,
    bio: values.bio.trim(),
    skills: values.skills.map(({ skillId, level }) => ({ skillId, level })),
    themeCodes: values.themeCodes,
    goals: values.goals,
    availability: {
      weeklyHours: values.weeklyHours === '' ? null : values.weeklyHours,
      days: values.days,
      periods: values.periods.map((p) => ({ from: p.from, to: p.to || null })),
    },
    homeMunicipalityCode: values.homeMunicipalityCode ?? undefined,
    travelRangeKm: values.travelRangeKm === '' ? 0 : values.travelRangeKm,
    remoteOnly: values.remoteOnly,
    languages: values.languages,
    visibility: values.visibility,
    phone: values.phone.trim() || null,
  };
}

// The same rules as the API's input class and profileInputProblems, in the reader's language.
export function profileSchema(t: TFunction, language: string) {
  const range = (min: number, max: number) => t('profile.errors.range', { min, max });
  const whole = (min: number, max: number) =>
    z
      .number({ error: range(min, max) })
      .int(range(min, max))
      .min(min, range(min, max))
      .max(max, range(min, max));
  return z
    .object({
      kind: z.enum(KINDS as [ParticipantKind, ...ParticipantKind[]]),
      companyOrganizationId: z.string().nullable(),
      guardianName: z
        .string()
        .max(LIMITS.guardianName, t('profile.errors.tooLong', { max: LIMITS.guardianName })),
      // A date of birth is not in the future (the API's rule, counted in Japan).
      dateOfBirth: dayText(t, language, { max: todayInJapan() }),
      guardianEmail: z.union([
        z.literal(''),
        z
          .string()
          .trim()
          .max(LIMITS.guardianEmail, t('profile.errors.tooLong', { max: LIMITS.guardianEmail }))
          .email(t('form.email')),
      ]),
      guardianConsent: z.boolean(),
      bio: z.string().max(LIMITS.bio, t('profile.errors.tooLong', { max: LIMITS.bio })),
      skills: z
        .array(
          z.object({
            skillId: z.string(),
            name: z.string(),
            nameEn: z.string(),
            level: whole(1, 5),
          }),
        )
        .max(LIMITS.skills, t('profile.errors.tooMany', { max: LIMITS.skills })),
      themeCodes: z
        .array(z.string())
        .max(LIMITS.themes, t('profile.errors.tooMany', { max: LIMITS.themes })),
      goals: z.array(z.enum(GOALS as [ParticipantGoal, ...ParticipantGoal[]])),
      weeklyHours: z.union([z.literal(''), whole(...LIMITS.weeklyHours)]),
      days: z.enum(DAYS as [AvailableDays, ...AvailableDays[]]),
      periods: z
        .array(
          z
            .object({
              from: dayText(t, language).min(1, t('form.required')),
              to: dayText(t, language),
            })
            .refine((p) => !p.to || p.to >= p.from, {
              message: t('profile.errors.periodOrder'),
              path: ['to'],
            }),
        )
        .max(LIMITS.periods, t('profile.errors.tooMany', { max: LIMITS.periods })),
      prefectureCode: z.string().nullable(),
      homeMunicipalityCode: z.string().nullable(),
      travelRangeKm: z
        .union([z.literal(''), whole(...LIMITS.travelRangeKm)])
        .refine((km) => km !== '', t('form.required')),
      remoteOnly: z.boolean(),
      languages: z
        .array(z.string().regex(/^[a-z]{2}$/))
        .max(LIMITS.languages, t('profile.errors.tooMany', { max: LIMITS.languages })),
      visibility: z.enum(VISIBILITIES as [ProfileVisibility, ...ProfileVisibility[]]),
      phone: z.union([z.literal(''), z.string().trim().regex(PHONE, t('profile.errors.phone'))]),
    })
    .superRefine((values, ctx) => {
      if (values.kind === 'HIGH_SCHOOL_STUDENT' && !values.dateOfBirth)
        ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: t('form.required') });
      if (needsGuardian(values) && !values.guardianEmail.trim())
        ctx.addIssue({ code: 'custom', path: ['guardianEmail'], message: t('form.required') });
      if (values.kind === 'HIGH_SCHOOL_STUDENT' && needsGuardian(values)) {
        if (!values.guardianName.trim())
          ctx.addIssue({ code: 'custom', path: ['guardianName'], message: t('form.required') });
        if (!values.guardianConsent)
          ctx.addIssue({
            code: 'custom',
            path: ['guardianConsent'],
            message: t('profile.errors.guardianConsent'),
          });
      }
      if (values.kind === 'COMPANY_EMPLOYEE' && !values.companyOrganizationId)
        ctx.addIssue({
          code: 'custom',
          path: ['companyOrganizationId'],
          message: t('profile.errors.company'),
        });
      if (values.prefectureCode && !values.homeMunicipalityCode)
        ctx.addIssue({
          code: 'custom',
          path: ['homeMunicipalityCode'],
          message: t('profile.errors.municipality'),
        });
    });
}
