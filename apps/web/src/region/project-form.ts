import type { TFunction } from 'i18next';
import { z } from 'zod';
import type {
  ParticipantKind,
  CreateProjectInput,
  ProjectMode,
  RegionProjectFieldsFragment,
  SkillRequirement,
} from '../gql/graphql';
import { dayProblem, dayProblemMessage, dayText, isDay } from '../i18n/day';
import type { ChosenSkill } from '../profile/profile-form';

export const MODES: readonly ProjectMode[] = ['ONSITE', 'HYBRID', 'REMOTE'];
export const PARTICIPANT_KINDS: readonly ParticipantKind[] = [
  'PRO_BONO',
  'UNIVERSITY_STUDENT',
  'HIGH_SCHOOL_STUDENT',
  'COMPANY_EMPLOYEE',
];
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

// The API's limits (CreateProjectInput and ProjectService's cross-field rules), checked here
// first so most mistakes show at once.
export const PROJECT_LIMITS = {
  title: [3, 200],
  description: [10, 10000],
  hoursPerWeek: [1, 80],
  teamSize: [1, 100],
  capacity: [1, 1000],
  languages: 10,
  attachments: 20,
  attachmentTitle: [1, 200],
  attachmentUrl: 2000,
  skills: 20,
} as const;

export interface ProjectSkill extends ChosenSkill {
  requirement: SkillRequirement;
}

export interface ProjectFormValues {
  title: string;
  description: string;
  themeCode: string;
  requiredSkills: ProjectSkill[];
  mode: ProjectMode;
  startDate: string;
  endDate: string;
  ongoing: boolean;
  seasonMonths: number[];
  hoursPerWeek: number | '';
  teamSize: number | '';
  capacity: number | '';
  eligibleKinds: ParticipantKind[];
  languages: string[];
  attachments: Array<{ title: string; url: string }>;
  // '' for none: a program of an intermediary covering the project's place.
  programId: string;
}

// The form's names the API's field errors may land on (extensions.fields paths end in them).
export const PROJECT_FIELDS = [
  'title',
  'description',
  'themeCode',
  'requiredSkills',
  'mode',
  'startDate',
  'endDate',
  'seasonMonths',
  'hoursPerWeek',
  'teamSize',
  'capacity',
  'eligibleKinds',
  'languages',
  'attachments',
  'programId',
] as const satisfies ReadonlyArray<keyof ProjectFormValues>;

// The first day of next month: a new project's usual start, changed at will.
export function nextMonthStart(today = new Date()): string {
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 1));
  return first.toISOString().slice(0, 10);
}

export function emptyProject(today = new Date()): ProjectFormValues {
  return {
    title: '',
    description: '',
    themeCode: '',
    requiredSkills: [],
    mode: 'ONSITE',
    startDate: nextMonthStart(today),
    endDate: '',
    ongoing: false,
    seasonMonths: [],
    hoursPerWeek: '',
    teamSize: 1,
    capacity: 1,
    eligibleKinds: [],
    languages: ['ja'],
    attachments: [],
    programId: '',
  };
}

export function projectFormValuesOf(project: RegionProjectFieldsFragment): ProjectFormValues {
  return {
    title: project.title,
    description: project.description,
    themeCode: project.theme.code,
    requiredSkills: project.requiredSkills.map((s) => ({
      skillId: s.skillId,
      name: s.name,
      nameEn: s.nameEn,
      level: s.minLevel,
      requirement: s.requirement,
    })),
    mode: project.mode,
    startDate: project.startDate,
    endDate: project.endDate ?? '',
    ongoing: project.endDate == null,
    seasonMonths: [...project.seasonMonths],
    hoursPerWeek: project.hoursPerWeek ?? '',
    teamSize: project.teamSize,
    capacity: project.capacity,
    eligibleKinds: [...project.eligibleKinds],
    languages: [...project.languages],
    attachments: project.attachments.map(({ title, url }) => ({ title, url })),
    programId: project.program?.id ?? '',
  };
}

// Every field of the form, as createProject takes them and updateProject's changes: the place
// is the region's own (the API's rule), so it is never sent. No program is sent as null, which
// takes the project out of one on an edit.
export function projectInputOf(
  values: ProjectFormValues,
): Omit<CreateProjectInput, 'regionOrganizationId' | 'municipalityCode'> {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    themeCode: values.themeCode,
    requiredSkills: values.requiredSkills.map((s) => ({
      skillId: s.skillId,
      requirement: s.requirement,
      minLevel: s.level,
      weight: s.requirement === 'MUST' ? 5 : 3,
    })),
    mode: values.mode,
    startDate: values.startDate,
    endDate: values.ongoing ? null : values.endDate,
    seasonMonths: [...values.seasonMonths].sort((a, b) => a - b),
    hoursPerWeek: values.hoursPerWeek === '' ? null : values.hoursPerWeek,
    teamSize: values.teamSize === '' ? 1 : values.teamSize,
    capacity: values.capacity === '' ? 1 : values.capacity,
    eligibleKinds: values.eligibleKinds,
    languages: values.languages,
    attachments: values.attachments.map((a) => ({ title: a.title.trim(), url: a.url.trim() })),
    programId: values.programId || null,
  };
}

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i;

// The same rules as the API's input class and ProjectService.validate, in the reader's language.
// The days are typed (i18n/DayField): text that is not a day is refused with the field's own
// message, no day with the form's.
export function projectSchema(t: TFunction, language: string) {
  const length = ([min, max]: readonly [number, number]) =>
    t('region.form.errors.length', { min, max: max.toLocaleString() });
  const text = (limits: readonly [number, number]) =>
    z
      .string()
      .refine((v) => v.trim().length >= limits[0] && v.trim().length <= limits[1], length(limits));
  const whole = ([min, max]: readonly [number, number], optional = false) => {
    const message = t('region.form.errors.range', { min, max: max.toLocaleString() });
    const number = z.number({ error: message }).int(message).min(min, message).max(max, message);
    return optional ? z.union([number, z.literal('')]) : number;
  };
  const tooMany = (max: number) => t('region.form.errors.tooMany', { max });
  return z
    .object({
      title: text(PROJECT_LIMITS.title),
      description: text(PROJECT_LIMITS.description),
      themeCode: z.string().min(1, t('region.form.errors.theme')),
      requiredSkills: z
        .array(
          z.object({
            skillId: z.string(),
            name: z.string(),
            nameEn: z.string(),
            level: z.number().int().min(1).max(5),
            requirement: z.enum(['MUST', 'NICE']),
          }),
        )
        .max(PROJECT_LIMITS.skills, tooMany(PROJECT_LIMITS.skills)),
      mode: z.enum(MODES as [ProjectMode, ...ProjectMode[]]),
      startDate: dayText(t, language).min(1, t('region.form.errors.date')),
      endDate: z.string(),
      ongoing: z.boolean(),
      seasonMonths: z.array(z.number().int().min(1).max(12)),
      hoursPerWeek: whole(PROJECT_LIMITS.hoursPerWeek, true),
      teamSize: whole(PROJECT_LIMITS.teamSize),
      capacity: whole(PROJECT_LIMITS.capacity),
      eligibleKinds: z.array(z.enum(PARTICIPANT_KINDS as [ParticipantKind, ...ParticipantKind[]])),
      languages: z
        .array(z.string())
        .max(PROJECT_LIMITS.languages, tooMany(PROJECT_LIMITS.languages)),
      attachments: z
        .array(
          z.object({
            title: text(PROJECT_LIMITS.attachmentTitle),
            url: z
              .string()
              .trim()
              .max(PROJECT_LIMITS.attachmentUrl, length([1, PROJECT_LIMITS.attachmentUrl]))
              .regex(URL_PATTERN, t('region.form.errors.url')),
          }),
        )
        .max(PROJECT_LIMITS.attachments, tooMany(PROJECT_LIMITS.attachments)),
      programId: z.string(),
    })
    .superRefine((values, ctx) => {
      if (!values.ongoing) {
        const problem = dayProblem(values.endDate);
        if (values.endDate === '') {
          ctx.addIssue({
            code: 'custom',
            path: ['endDate'],
            message: t('region.form.errors.date'),
          });
        } else if (problem) {
          ctx.addIssue({
            code: 'custom',
            path: ['endDate'],
            message: dayProblemMessage(problem, t, language),
          });
        } else if (isDay(values.startDate) && values.endDate < values.startDate) {
          ctx.addIssue({
            code: 'custom',
            path: ['endDate'],
            message: t('region.form.errors.endBeforeStart'),
          });
        }
      }
      if (
        typeof values.teamSize === 'number' &&
        typeof values.capacity === 'number' &&
        values.capacity < values.teamSize
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['capacity'],
          message: t('region.form.errors.capacityBelowTeam'),
        });
      }
    }) as unknown as z.ZodType<ProjectFormValues, ProjectFormValues>;
}

export interface ExtendValues {
  endDate: string;
  ongoing: boolean;
  capacity: number | '';
}

// The day after a project's end: the first a new end can be.
export function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

// The extend dialog's rules: a new end day (typed) after the current end, or none to keep it;
// at least as many places as now. The API checks the same.
export function extendSchema(
  t: TFunction,
  language: string,
  { after, capacity }: { after?: string; capacity: number },
) {
  const range = t('region.form.errors.range', { min: capacity, max: '1,000' });
  return z
    .object({
      endDate: z.string(),
      ongoing: z.boolean(),
      capacity: z.union([
        z.literal(''),
        z.number({ error: range }).int(range).min(capacity, range).max(1000, range),
      ]),
    })
    .superRefine((values, ctx) => {
      // A day left in the hidden field does not count once the project is made ongoing.
      if (values.ongoing) return;
      const problem = dayProblem(values.endDate, { min: after });
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          path: ['endDate'],
          message: dayProblemMessage(problem, t, language),
        });
      }
    }) as unknown as z.ZodType<ExtendValues, ExtendValues>;
}
