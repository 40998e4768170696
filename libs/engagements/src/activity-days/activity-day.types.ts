import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDateOnly, RequiredText } from '@tsunagu/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ActivityDaySignupStatus, ActivityDayStatus } from './activity-day.entities';

registerEnumType(ActivityDayStatus, { name: 'ActivityDayStatus' });
registerEnumType(ActivityDaySignupStatus, { name: 'ActivityDaySignupStatus' });

export const ACTIVITY_DAY_LIMITS = {
  // "Every Saturday and Sunday for half a year" fits; a year of daily days does not.
  datesPerPublish: 60,
  places: 500,
  attendance: 500,
} as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = 'must be a time (HH:MM, Japan time)';

@ObjectType('ActivityDaySignup')
export class ActivityDaySignupType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  activityDayId!: string;

  @Field(() => ID)
  engagementId!: string;

  @Field()
  participantName!: string;

  @Field(() => ActivityDaySignupStatus)
  status!: ActivityDaySignupStatus;

  @Field()
  signedUpAt!: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Taken by the region; null until then' })
  attended!: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Hours credited to the engagement as approved for attending; null when none',
  })
  creditedHours!: number | null;
}

@ObjectType('ActivityDay')
export class ActivityDayType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field()
  projectTitle!: string;

  @Field(() => ActivityDayStatus)
  status!: ActivityDayStatus;

  @Field({ description: 'YYYY-MM-DD, Japan time' })
  date!: string;

  @Field({ description: 'HH:MM, Japan time' })
  startTime!: string;

  @Field({ description: 'HH:MM, Japan time' })
  endTime!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => Int)
  places!: number;

  @Field(() => Int)
  signedUpCount!: number;

  @Field(() => Int)
  placesLeft!: number;

  @Field({ description: 'Sign-ups and cancellations close then: midnight starting the day' })
  signupClosesAt!: Date;

  @Field(() => Float, { description: 'Hours credited for attending: the length of the day' })
  hours!: number;

  @Field()
  meetingPoint!: string;

  @Field(() => String, { nullable: true })
  whatToBring!: string | null;

  @Field(() => String, { nullable: true })
  noteJa!: string | null;

  @Field(() => String, { nullable: true })
  noteEn!: string | null;

  @Field(() => [ActivityDaySignupType], {
    nullable: true,
    description: "Everyone signed up (and who cancelled): for the project's region only",
  })
  signups!: ActivityDaySignupType[] | null;

  @Field(() => ActivityDaySignupType, {
    nullable: true,
    description: "The engagement's own sign-up, when the day was read for an engagement",
  })
  mySignup!: ActivityDaySignupType | null;
}

@InputType()
export class ActivityDateInput {
  @Field({ description: 'YYYY-MM-DD, Japan time' })
  @IsDateOnly()
  date!: string;

  @Field({ description: 'HH:MM, Japan time' })
  @Matches(TIME, { message: TIME_MESSAGE })
  startTime!: string;

  @Field({ description: 'HH:MM, Japan time; after the start, on the same day' })
  @Matches(TIME, { message: TIME_MESSAGE })
  endTime!: string;
}

@InputType()
export class PublishActivityDaysInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field(() => [ActivityDateInput], { description: 'One to 60 days, each with its times' })
  @ArrayMinSize(1, { message: 'must have at least one date' })
  @ArrayMaxSize(ACTIVITY_DAY_LIMITS.datesPerPublish, {
    message: `must have at most ${ACTIVITY_DAY_LIMITS.datesPerPublish} dates`,
  })
  @ValidateNested({ each: true })
  @Type(() => ActivityDateInput)
  dates!: ActivityDateInput[];

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(ACTIVITY_DAY_LIMITS.places, { message: `must be at most ${ACTIVITY_DAY_LIMITS.places}` })
  places!: number;

  @Field()
  @RequiredText(300)
  meetingPoint!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'must be at most 1,000 characters' })
  whatToBring?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2,000 characters' })
  noteJa?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2,000 characters' })
  noteEn?: string | null;
}

@InputType()
export class UpdateActivityDayInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an activity day id' })
  activityDayId!: string;

  @Field(() => Int, { nullable: true, description: 'Never below those signed up' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(ACTIVITY_DAY_LIMITS.places, { message: `must be at most ${ACTIVITY_DAY_LIMITS.places}` })
  places?: number;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(300)
  meetingPoint?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'must be at most 1,000 characters' })
  whatToBring?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2,000 characters' })
  noteJa?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2,000 characters' })
  noteEn?: string | null;
}

@InputType()
export class ActivityDayAttendanceEntryInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a sign-up id' })
  signupId!: string;

  @Field({ description: 'true credits the hours; false removes them' })
  @IsBoolean()
  attended!: boolean;
}

@InputType()
export class RecordActivityDayAttendanceInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an activity day id' })
  activityDayId!: string;

  @Field(() => [ActivityDayAttendanceEntryInput])
  @ArrayMaxSize(ACTIVITY_DAY_LIMITS.attendance)
  @ValidateNested({ each: true })
  @Type(() => ActivityDayAttendanceEntryInput)
  entries!: ActivityDayAttendanceEntryInput[];
}
