import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDateOnly, Paginated } from '@tsunagu/core';
import { OrganizationType, isTimeZone } from '@tsunagu/identity';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import {
  MentoringBookingStatus,
  MentoringCancelledBy,
  MentoringFormat,
} from './mentoring.entities';

registerEnumType(MentoringFormat, {
  name: 'MentoringFormat',
  valuesMap: {
    ONLINE: { description: 'Online: a meeting link, shown to the booking organisation only' },
    ON_SITE: { description: 'At a place the mentor names' },
  },
});
registerEnumType(MentoringBookingStatus, {
  name: 'MentoringBookingStatus',
  valuesMap: {
    BOOKED: { description: 'The session holds the slot' },
    CANCELLED: { description: 'Cancelled by the member or the mentor; the slot is free again' },
  },
});
registerEnumType(MentoringCancelledBy, {
  name: 'MentoringCancelledBy',
  valuesMap: {
    MEMBER: { description: 'The member organisation cancelled' },
    MENTOR: { description: 'The mentor cancelled, with a reason' },
  },
});

export const MENTORING_LIMITS = { themes: 10, slotHours: 4, daysAhead: 365 } as const;

const IsTimeZone = () =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: isTimeZone,
      defaultMessage: () => 'must be an IANA time zone such as "Asia/Tokyo"',
    },
  });

@ObjectType('Mentor', { description: 'A person appointed to mentor council members.' })
export class MentorType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  userId!: string;

  @Field({ description: "The mentor's display name" })
  displayName!: string;

  @Field()
  bioJa!: string;

  @Field(() => String, { nullable: true })
  bioEn!: string | null;

  @Field(() => [String], { description: 'Expertise: theme codes, see the themes query' })
  themeCodes!: string[];

  @Field()
  offersOnline!: boolean;

  @Field()
  offersOnSite!: boolean;

  @Field(() => [MentoringSlotType], {
    description: 'The soonest free slots that have not started (at most 5), soonest first.',
  })
  freeSlots!: MentoringSlotType[];

  @Field(() => Int, { description: 'How many free slots have not started, freeSlots included.' })
  freeSlotCount!: number;
}

export const MentorConnection = Paginated(MentorType);

@ObjectType('MentoringSlot', { description: 'An hour a mentor offers for a 1-on-1 session.' })
export class MentoringSlotType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  mentorId!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field({ description: 'The IANA time zone the mentor gave the times in' })
  timeZone!: string;

  @Field(() => MentoringFormat)
  format!: MentoringFormat;

  @Field(() => String, { nullable: true, description: 'Where an on-site session happens' })
  place!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The meeting link: for the mentor and the booking organisation only',
  })
  meetingUrl!: string | null;

  @Field({ description: 'Whether no session holds the slot' })
  free!: boolean;

  @Field(() => MentoringBookingType, {
    nullable: true,
    description: "The session holding the slot: for the slot's mentor only",
  })
  booking!: MentoringBookingType | null;
}

@ObjectType('MentoringFollowUp', { description: 'Something to do after a session.' })
export class MentoringFollowUpType {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueOn!: string | null;

  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;
}

@ObjectType('MentoringBooking', {
  description: "A member organisation's 1-on-1 session with a mentor about one of its initiatives.",
})
export class MentoringBookingType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  slotId!: string;

  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => String, { nullable: true, description: 'Who booked it (gone: null)' })
  bookedByName!: string | null;

  @Field(() => ID)
  mentorId!: string;

  @Field()
  mentorName!: string;

  @Field()
  initiativeTitle!: string;

  @Field({ description: 'What the member wants to polish' })
  polish!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field()
  timeZone!: string;

  @Field(() => MentoringFormat)
  format!: MentoringFormat;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => String, { nullable: true, description: 'While booked' })
  meetingUrl!: string | null;

  @Field(() => MentoringBookingStatus)
  status!: MentoringBookingStatus;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => MentoringCancelledBy, { nullable: true })
  cancelledBy!: MentoringCancelledBy | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @Field({ description: 'The member cancelled within 24 hours of the start' })
  lateCancellation!: boolean;

  @Field({ description: 'Whether the member may still cancel free of charge' })
  freeCancellation!: boolean;

  @Field(() => String, { nullable: true, description: "The mentor's notes" })
  notes!: string | null;

  @Field(() => Date, { nullable: true })
  notesUpdatedAt!: Date | null;

  @Field(() => [MentoringFollowUpType], { description: 'Oldest first' })
  followUps!: MentoringFollowUpType[];

  @Field()
  createdAt!: Date;
}

@ObjectType('MentorDesk', { description: "A mentor's own profile, slots and sessions." })
export class MentorDeskType {
  @Field(() => MentorType)
  mentor!: MentorType;

  @Field(() => [MentoringSlotType], {
    description: 'Live slots ending in the last 90 days or later, soonest first, with sessions.',
  })
  slots!: MentoringSlotType[];

  @Field(() => [MentoringBookingType], {
    description: 'Every session booked in your slots (cancelled ones too), latest first.',
  })
  sessions!: MentoringBookingType[];
}

@InputType()
export class MentorProfileInput {
  @Field()
  @IsString()
  @Length(10, 4000, { message: 'must be 10 to 4,000 characters' })
  bioJa!: string;

  @Field(() => String, { nullable: true, description: 'Empty or null: none' })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'must be at most 4,000 characters' })
  bioEn?: string | null;

  @Field(() => [String])
  @ArrayMaxSize(MENTORING_LIMITS.themes)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  themeCodes!: string[];

  @Field()
  @IsBoolean()
  offersOnline!: boolean;

  @Field()
  @IsBoolean()
  offersOnSite!: boolean;
}

@InputType()
export class AppointMentorInput extends MentorProfileInput {
  @Field({ description: "The person's e-mail address" })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

@InputType()
export class PublishMentoringSlotInput {
  @Field()
  @Type(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field()
  @Type(() => Date)
  @IsDate()
  endsAt!: Date;

  @Field({ nullable: true, description: 'IANA time zone, default "Asia/Tokyo"' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @Field(() => MentoringFormat)
  @IsEnum(MentoringFormat)
  format!: MentoringFormat;

  @Field(() => String, { nullable: true, description: 'https:// link; online sessions' })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'must be an https:// address' },
  )
  @MaxLength(500)
  meetingUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Where; on-site sessions' })
  @IsOptional()
  @IsString()
  @Length(2, 300, { message: 'must be 2 to 300 characters' })
  place?: string | null;
}

@InputType()
export class BookMentoringSlotInput {
  @Field(() => ID)
  @IsUUID('all')
  slotId!: string;

  @Field(() => ID, { description: 'The member organisation the session is for' })
  @IsUUID('all')
  organizationId!: string;

  @Field({ description: 'The initiative to polish, by name' })
  @IsString()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  initiativeTitle!: string;

  @Field({ description: 'What you want to polish' })
  @IsString()
  @Length(10, 4000, { message: 'must be 10 to 4,000 characters' })
  polish!: string;
}

@InputType()
export class CancelMentoringBookingInput {
  @Field(() => ID)
  @IsUUID('all')
  bookingId!: string;

  @Field(() => String, { nullable: true, description: 'Required when the mentor cancels' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'must be at most 1,000 characters' })
  reason?: string | null;
}

@InputType()
export class WriteMentoringNotesInput {
  @Field(() => ID)
  @IsUUID('all')
  bookingId!: string;

  // Optional text: empty (or null) clears the notes.
  @Field(() => String, { nullable: true, description: 'The notes; empty or null clears them' })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: 'must be at most 20,000 characters' })
  notes?: string | null;
}

@InputType()
export class AddMentoringFollowUpInput {
  @Field(() => ID)
  @IsUUID('all')
  bookingId!: string;

  @Field()
  @IsString()
  @Length(2, 1000, { message: 'must be 2 to 1,000 characters' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsDateOnly()
  dueOn?: string | null;
}

@InputType()
export class SetMentoringFollowUpDoneInput {
  @Field(() => ID)
  @IsUUID('all')
  followUpId!: string;

  @Field()
  @IsBoolean()
  done!: boolean;
}
