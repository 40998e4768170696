import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDateOnly, PageArgs, Paginated } from '@tsunagu/core';
import { MunicipalityType, OrganizationType, isTimeZone } from '@tsunagu/identity';
import { ParticipantKind } from '@tsunagu/participants';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { EventFormat, EventKind, EventStatus, RegistrationStatus } from './event.entities';

registerEnumType(EventFormat, {
  name: 'EventFormat',
  valuesMap: {
    ONLINE: { description: 'Online: a meeting link, shown to registrants only' },
    ON_SITE: { description: 'At a place: municipality and venue, with a capacity' },
    HYBRID: { description: 'Both at a place and online' },
  },
});
registerEnumType(EventKind, {
  name: 'EventKind',
  valuesMap: {
    MATCHING_SEMINAR: { description: 'Regions present projects; may seed a cohort' },
    WORKSHOP: { description: 'An online or on-site workshop' },
    GATHERING: { description: 'A gathering such as a かかわりカフェ' },
    OTHER: { description: 'Anything else' },
  },
});
registerEnumType(EventStatus, {
  name: 'EventStatus',
  valuesMap: {
    DRAFT: { description: "Seen by the organiser's staff only" },
    PUBLISHED: { description: 'Open to everyone; registrations accepted until it starts' },
    CANCELLED: { description: 'Called off by the organiser' },
  },
});
registerEnumType(RegistrationStatus, {
  name: 'EventRegistrationStatus',
  valuesMap: {
    REGISTERED: { description: 'Holds a place' },
    WAITLISTED: { description: 'On the waiting list, promoted in order when a place frees up' },
    CANCELLED: { description: 'Cancelled by the registrant' },
  },
});

export const EVENT_LIMITS = { themes: 10, presenters: 50, attendance: 500 } as const;

const IsTimeZone = () =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: isTimeZone,
      defaultMessage: () => 'must be an IANA time zone such as "Asia/Tokyo"',
    },
  });
const IsMeetingUrl = () =>
  IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'must be an https:// address' },
  );

@ObjectType('EventPlace', { description: 'Where an on-site event happens.' })
export class EventPlaceType {
  @Field(() => MunicipalityType)
  municipality!: MunicipalityType;

  @Field({ description: 'The venue, e.g. the community centre and its address' })
  venue!: string;
}

@ObjectType('EventRegistration', { description: "One person's place at an event." })
export class EventRegistrationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Place on the waiting list, from 1, while waitlisted.',
  })
  waitlistPosition!: number | null;

  @Field({ description: 'When they asked for a place (the waiting list is in this order).' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  registeredAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the waiting list gave them a place.',
  })
  promotedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Taken by the organiser once the event has started; null until then.',
  })
  attended!: boolean | null;

  @Field({ description: "The registrant's display name." })
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Path of the .ics calendar file (GET with the access token), while the registrant holds a place.',
  })
  calendarPath!: string | null;
}

@ObjectType('CommunityEvent', {
  description:
    'An event organised by an intermediary or a region: a matching seminar, workshop or gathering, online, on site or both.',
})
export class CommunityEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationType)
  organizer!: OrganizationType;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => EventFormat)
  format!: EventFormat;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field()
  titleJa!: string;

  @Field(() => String, { nullable: true })
  titleEn!: string | null;

  @Field()
  descriptionJa!: string;

  @Field(() => String, { nullable: true })
  descriptionEn!: string | null;

  @Field(() => [String], { description: 'Theme codes, see the themes query' })
  themeCodes!: string[];

  @Field(() => [ParticipantKind], { description: 'Empty: open to every kind of participant' })
  audienceKinds!: ParticipantKind[];

  @Field({
    description: "A member event: only staff of the council's member organisations may register",
  })
  forCouncilMembers!: boolean;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field({ description: 'The IANA time zone the organiser gave the times in' })
  timeZone!: string;

  @Field(() => EventPlaceType, { nullable: true, description: 'Null for online events' })
  place!: EventPlaceType | null;

  @Field(() => String, {
    nullable: true,
    description: "The meeting link: for registrants holding a place and the organiser's staff.",
  })
  meetingUrl!: string | null;

  @Field(() => Int, { nullable: true, description: 'Null: no limit' })
  capacity!: number | null;

  @Field(() => Int)
  registeredCount!: number;

  @Field(() => Int)
  waitlistedCount!: number;

  @Field(() => [OrganizationType], { description: 'Regions presenting at the event' })
  presentingRegions!: OrganizationType[];

  @Field(() => EventRegistrationType, {
    nullable: true,
    description: 'Your registration, if you have one (cancelled ones included).',
  })
  myRegistration!: EventRegistrationType | null;

  @Field({ description: "Whether you are on the organiser's staff (edit, publish, attendance)." })
  canManage!: boolean;

  @Field(() => ID, { nullable: true, description: 'The cohort this matching seminar seeded' })
  cohortId!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;
}

export const CommunityEventConnection = Paginated(CommunityEventType);

// The fields an event is made of; on update every one is optional.
@InputType()
export class EventFieldsInput {
  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => EventFormat, { nullable: true })
  @IsOptional()
  @IsEnum(EventFormat)
  format?: EventFormat;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 200, { message: 'must be 3 to 200 characters' })
  titleJa?: string;

  @Field(() => String, { nullable: true, description: 'Empty or null: none' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  titleEn?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(10, 10000, { message: 'must be 10 to 10,000 characters' })
  descriptionJa?: string;

  @Field(() => String, { nullable: true, description: 'Empty or null: none' })
  @IsOptional()
  @IsString()
  @MaxLength(10000, { message: 'must be at most 10,000 characters' })
  descriptionEn?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(EVENT_LIMITS.themes)
  @ArrayUnique({ message: 'must not repeat a theme' })
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  themeCodes?: string[];

  @Field(() => [ParticipantKind], { nullable: true, description: 'Empty: everyone' })
  @IsOptional()
  @ArrayUnique({ message: 'must not repeat a kind' })
  @IsEnum(ParticipantKind, { each: true })
  audienceKinds?: ParticipantKind[];

  @Field(() => Boolean, {
    nullable: true,
    description: "Only staff of the council's member organisations may register (default false)",
  })
  @IsOptional()
  @IsBoolean()
  forCouncilMembers?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  startsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  endsAt?: Date;

  @Field({ nullable: true, description: 'IANA time zone, default "Asia/Tokyo"' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => String, { nullable: true, description: 'https:// link; online and hybrid events' })
  @IsOptional()
  @IsMeetingUrl()
  @MaxLength(2000)
  meetingUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'On-site and hybrid events' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'On-site and hybrid events' })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'must be at most 300 characters' })
  venue?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required on site; null online: no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Region organisations presenting' })
  @IsOptional()
  @ArrayMaxSize(EVENT_LIMITS.presenters)
  @ArrayUnique({ message: 'must not repeat a region' })
  @IsUUID('4', { each: true, message: 'must be organisation ids' })
  presentingRegionIds?: string[];
}

@InputType()
export class CreateEventInput extends EventFieldsInput {
  @Field(() => ID, { description: 'The organising intermediary or region' })
  @IsUUID('4', { message: 'must be an organisation id' })
  organizerOrganizationId!: string;
}

@InputType()
export class UpdateEventInput extends EventFieldsInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an event id' })
  eventId!: string;
}

@InputType()
export class EventSearchFilter {
  @Field({
    nullable: true,
    description: 'Starting on or after this day (YYYY-MM-DD, Japan time); default today',
  })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @Field({ nullable: true, description: 'Starting on or before this day (YYYY-MM-DD, Japan time)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @Field({ nullable: true, description: 'A 2-digit prefecture code: on-site events there' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit prefecture code' })
  prefectureCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  themeCode?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: the council's member events only; false: events open to participants",
  })
  @IsOptional()
  @IsBoolean()
  forCouncilMembers?: boolean;

  @Field(() => EventFormat, { nullable: true })
  @IsOptional()
  @IsEnum(EventFormat)
  format?: EventFormat;
}

@ArgsType()
export class EventSearchArgs extends PageArgs {
  @Field(() => EventSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventSearchFilter)
  filter?: EventSearchFilter;
}

@ArgsType()
export class OrganizationEventsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  organizationId!: string;
}

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a registration id' })
  registrationId!: string;

  @Field()
  @IsBoolean()
  attended!: boolean;
}

@InputType()
export class RecordEventAttendanceInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an event id' })
  eventId!: string;

  @Field(() => [AttendanceEntryInput])
  @ArrayMaxSize(EVENT_LIMITS.attendance)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryInput)
  entries!: AttendanceEntryInput[];
}

@InputType()
export class SeedCohortFromEventInput {
  @Field(() => ID, { description: 'A matching seminar that has started, with attendance taken' })
  @IsUUID('4', { message: 'must be an event id' })
  eventId!: string;

  @Field(() => ID, { description: 'A program of the organising intermediary' })
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;
}
