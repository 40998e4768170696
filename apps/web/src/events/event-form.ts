import type { TFunction } from 'i18next';
import { z } from 'zod';
import type {
  CreateEventInput,
  EventFormat,
  EventKind,
  ManagedEventFieldsFragment,
  ParticipantKind,
} from '../gql/graphql';
import { instantOf, localOf } from './event-time';

export const EVENT_KINDS: readonly EventKind[] = [
  'MATCHING_SEMINAR',
  'WORKSHOP',
  'GATHERING',
  'OTHER',
];

// The organiser's form: times as the wall clock in the event's zone ("YYYY-MM-DDTHH:mm"), the
// way the organiser thinks of them; sent as instants.
export interface EventFormValues {
  kind: EventKind;
  format: EventFormat;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  themeCodes: string[];
  audienceKinds: ParticipantKind[];
  startsAt: string;
  endsAt: string;
  timeZone: string;
  prefectureCode: string | null;
  municipalityCode: string | null;
  venue: string;
  capacity: number | '';
  meetingUrl: string;
  // The council secretariat's (the platform's) member events.
  forCouncilMembers: boolean;
}

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

// The API's limits (EventFieldsInput and EventService's cross-field rules), checked here first.
export function eventSchema(t: TFunction) {
  const required = t('form.required');
  return z
    .object({
      kind: z.enum(['MATCHING_SEMINAR', 'WORKSHOP', 'GATHERING', 'OTHER']),
      format: z.enum(['ONLINE', 'ON_SITE', 'HYBRID']),
      titleJa: z
        .string()
        .trim()
        .min(3, t('eventsManage.form.tooShort', { min: 3 }))
        .max(200),
      titleEn: z.string().trim().max(200),
      descriptionJa: z
        .string()
        .trim()
        .min(10, t('eventsManage.form.tooShort', { min: 10 }))
        .max(10000),
      descriptionEn: z.string().trim().max(10000),
      themeCodes: z.array(z.string()).max(10),
      audienceKinds: z.array(
        z.enum(['PRO_BONO', 'UNIVERSITY_STUDENT', 'HIGH_SCHOOL_STUDENT', 'COMPANY_EMPLOYEE']),
      ),
      startsAt: z.string().regex(WALL_CLOCK, required),
      endsAt: z.string().regex(WALL_CLOCK, required),
      timeZone: z.string().min(1, required),
      prefectureCode: z.string().nullable(),
      municipalityCode: z.string().nullable(),
      venue: z.string().trim().max(300),
      capacity: z.union([z.number().int().min(1).max(100000), z.literal('')]),
      meetingUrl: z.string().trim().max(2000),
      forCouncilMembers: z.boolean(),
    })
    .superRefine((v, ctx) => {
      const onSite = v.format !== 'ONLINE';
      const online = v.format !== 'ON_SITE';
      if (onSite && !v.municipalityCode)
        ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: required });
      if (onSite && !v.venue.trim())
        ctx.addIssue({ code: 'custom', path: ['venue'], message: required });
      if (onSite && v.capacity === '')
        ctx.addIssue({ code: 'custom', path: ['capacity'], message: required });
      if (online && v.meetingUrl && !/^https:\/\/\S+$/.test(v.meetingUrl.trim()))
        ctx.addIssue({
          code: 'custom',
          path: ['meetingUrl'],
          message: t('eventsManage.form.https'),
        });
      if (WALL_CLOCK.test(v.startsAt) && WALL_CLOCK.test(v.endsAt) && v.endsAt <= v.startsAt)
        ctx.addIssue({
          code: 'custom',
          path: ['endsAt'],
          message: t('eventsManage.form.endAfterStart'),
        });
    });
}

export function emptyEvent(): EventFormValues {
  return {
    kind: 'GATHERING',
    format: 'ON_SITE',
    titleJa: '',
    titleEn: '',
    descriptionJa: '',
    descriptionEn: '',
    themeCodes: [],
    audienceKinds: [],
    startsAt: '',
    endsAt: '',
    timeZone: 'Asia/Tokyo',
    prefectureCode: null,
    municipalityCode: null,
    venue: '',
    capacity: '',
    meetingUrl: '',
    forCouncilMembers: false,
  };
}

export function eventFormValuesOf(event: ManagedEventFieldsFragment): EventFormValues {
  return {
    kind: event.kind,
    format: event.format,
    titleJa: event.titleJa,
    titleEn: event.titleEn ?? '',
    descriptionJa: event.descriptionJa,
    descriptionEn: event.descriptionEn ?? '',
    themeCodes: [...event.themeCodes],
    audienceKinds: [...event.audienceKinds],
    startsAt: localOf(event.startsAt, event.timeZone),
    endsAt: localOf(event.endsAt, event.timeZone),
    timeZone: event.timeZone,
    prefectureCode: event.place?.municipality.prefectureCode ?? null,
    municipalityCode: event.place?.municipality.code ?? null,
    venue: event.place?.venue ?? '',
    capacity: event.capacity ?? '',
    meetingUrl: event.meetingUrl ?? '',
    forCouncilMembers: event.forCouncilMembers,
  };
}

// What the API is sent: an online event has no place, an on-site one no link; empty English
// texts are none.
export function eventInputOf(
  values: EventFormValues,
): Omit<CreateEventInput, 'organizerOrganizationId'> {
  const onSite = values.format !== 'ONLINE';
  const online = values.format !== 'ON_SITE';
  return {
    kind: values.kind,
    format: values.format,
    titleJa: values.titleJa.trim(),
    titleEn: values.titleEn.trim() || null,
    descriptionJa: values.descriptionJa.trim(),
    descriptionEn: values.descriptionEn.trim() || null,
    themeCodes: values.themeCodes,
    // A member event is for organisations' staff: no participant kinds (the API's rule).
    audienceKinds: values.forCouncilMembers ? [] : values.audienceKinds,
    forCouncilMembers: values.forCouncilMembers,
    startsAt: instantOf(values.startsAt, values.timeZone),
    endsAt: instantOf(values.endsAt, values.timeZone),
    timeZone: values.timeZone,
    municipalityCode: onSite ? values.municipalityCode : null,
    venue: onSite ? values.venue.trim() : null,
    capacity: values.capacity === '' ? null : values.capacity,
    meetingUrl: online && values.meetingUrl.trim() ? values.meetingUrl.trim() : null,
  };
}
