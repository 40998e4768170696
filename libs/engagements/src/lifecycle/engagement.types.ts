import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDateOnly, NotBefore, PageArgs, Paginated } from '@tsunagu/core';
import { ParticipantKind } from '@tsunagu/participants';
import { ProjectType } from '@tsunagu/projects';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EngagementAction, EngagementRole, EngagementStatus } from './engagement-state';
import { ApplicationIdField, EngagementIdField, EngagementReference } from './engagement-reference';

registerEnumType(EngagementStatus, { name: 'EngagementStatus' });
registerEnumType(EngagementAction, { name: 'EngagementAction' });
registerEnumType(EngagementRole, {
  name: 'EngagementRole',
  description: 'Who takes part in an engagement, and in which capacity.',
});

@ObjectType('EngagementNextStep', {
  description: 'A step the engagement may take from its current status, and who takes it.',
})
export class EngagementNextStepType {
  @Field(() => EngagementAction)
  action!: EngagementAction;

  @Field(() => [EngagementRole], { description: 'Any one of these may take it' })
  by!: EngagementRole[];
}

@ObjectType('Applicant', {
  description: 'What a region sees of an applicant before approval: no contact details.',
})
export class ApplicantType {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field(() => ParticipantKind)
  kind!: ParticipantKind;
}

@ObjectType('InterviewPlan')
export class InterviewPlanType {
  @Field(() => [String], { description: 'Proposed slots, ISO date-times' })
  slots!: string[];

  @Field(() => String, { nullable: true })
  meetingUrl!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;
}

@ObjectType('EngagementTerms')
export class EngagementTermsType {
  @Field()
  startDate!: string;

  @Field(() => String, { nullable: true })
  endDate!: string | null;

  @Field(() => Int)
  hoursPerWeek!: number;

  @Field()
  goals!: string;

  @Field(() => ID, { description: 'The intermediary staff member who supervises' })
  supervisorId!: string;
}

@ObjectType('Engagement', {
  description:
    'What starts as an application to a project and lives on as an engagement (one per participant and project).',
})
export class EngagementType {
  @Field(() => ID)
  id!: string;

  @Field(() => ProjectType)
  project!: ProjectType;

  @Field(() => ApplicantType)
  applicant!: ApplicantType;

  @Field()
  motivation!: string;

  @Field(() => EngagementStatus)
  status!: EngagementStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was declined, withdrawn or cancelled',
  })
  statusReason!: string | null;

  @Field(() => InterviewPlanType, { nullable: true })
  interview!: InterviewPlanType | null;

  @Field(() => EngagementTermsType, { nullable: true, description: 'Set when approved' })
  terms!: EngagementTermsType | null;

  @Field({ description: 'When the participant applied (or accepted a scout offer)' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the status last changed' })
  statusChangedAt!: Date | null;

  @Field(() => [EngagementNextStepType], {
    description: 'What may happen next from this status, and who takes each step',
  })
  nextSteps!: EngagementNextStepType[];
}

export const EngagementConnection = Paginated(EngagementType);

@InputType()
export class ApplyToProjectInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field()
  @IsString()
  @Length(10, 4000, { message: 'must be 10 to 4,000 characters' })
  motivation!: string;
}

@ArgsType()
export class MyEngagementsArgs extends PageArgs {
  @Field(() => [EngagementStatus], { nullable: true, description: 'Only these statuses' })
  @IsOptional()
  @IsEnum(EngagementStatus, { each: true, message: 'must be engagement statuses' })
  @ArrayMaxSize(9)
  status?: EngagementStatus[] | null;
}

@ArgsType()
export class EngagementArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an engagement id' })
  id!: string;
}

@ArgsType()
export class MyEngagementForProjectArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;
}

@ArgsType()
export class ProjectEngagementsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;
}

@InputType()
export class InterviewPlanInput {
  @Field(() => [String], { description: 'ISO date-times' })
  @IsString({ each: true })
  @IsISO8601({ strict: true }, { each: true, message: 'must be ISO date-times' })
  @ArrayMinSize(1, { message: 'must propose at least one slot' })
  @ArrayMaxSize(10, { message: 'at most 10 slots' })
  slots!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^https:\/\/\S+$/, { message: 'must be an https:// link' })
  meetingUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType()
export class EngagementTermsInput {
  @Field()
  @IsDateOnly()
  startDate!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsDateOnly()
  @NotBefore('startDate')
  endDate?: string | null;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be a whole number from 1 to 80' })
  @Max(80, { message: 'must be a whole number from 1 to 80' })
  hoursPerWeek!: number;

  @Field()
  @IsString()
  // Required on APPROVE only: the service checks it with the other terms.
  @MaxLength(2000)
  goals!: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to you' })
  @IsOptional()
  @IsUUID('4', { message: 'must be a user id' })
  supervisorId?: string | null;
}

@InputType()
export class TransitionEngagementInput implements EngagementReference {
  @EngagementIdField()
  engagementId?: string | null;

  @ApplicationIdField()
  applicationId?: string | null;

  @Field(() => EngagementAction)
  @IsEnum(EngagementAction)
  action!: EngagementAction;

  @Field(() => String, {
    nullable: true,
    description: 'Required to decline, withdraw or cancel',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2,000 characters' })
  reason?: string | null;

  @Field(() => InterviewPlanInput, { nullable: true, description: 'For PROPOSE_INTERVIEW' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InterviewPlanInput)
  interview?: InterviewPlanInput | null;

  @Field(() => EngagementTermsInput, { nullable: true, description: 'For APPROVE' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EngagementTermsInput)
  terms?: EngagementTermsInput | null;
}

@ObjectType('EngagementEvent')
export class EngagementEventType {
  @Field(() => EngagementAction)
  action!: EngagementAction;

  @Field(() => EngagementStatus)
  fromStatus!: EngagementStatus;

  @Field(() => EngagementStatus)
  toStatus!: EngagementStatus;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('PersonContact')
export class PersonContactType {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType('EngagementContacts', {
  description: 'Shared between participant and region once the engagement is approved.',
})
export class EngagementContactsType {
  @Field(() => PersonContactType)
  participant!: PersonContactType;

  @Field(() => [PersonContactType], { description: "The region's staff" })
  region!: PersonContactType[];
}

@InputType()
export class ApplyAsCompanyTeamInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a company team id' })
  teamId!: string;

  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field()
  @IsString()
  @Length(10, 4000, { message: 'must be 10 to 4,000 characters' })
  motivation!: string;
}
