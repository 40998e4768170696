import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { InSteps, IsDateOnly, PageArgs, Paginated, RequiredText } from '@tsunagu/core';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EngagementNoteVisibility } from './engagement-accompaniment.entities';
import { EngagementHealth } from './engagement-health.service';
import { EngagementType } from '../lifecycle/engagement.types';
import {
  APPLICATION_ID_DEPRECATION,
  ApplicationIdField,
  EngagementIdField,
  EngagementReference,
} from '../lifecycle/engagement-reference';

registerEnumType(EngagementNoteVisibility, { name: 'EngagementNoteVisibility' });
registerEnumType(EngagementHealth, { name: 'EngagementHealth' });

@ObjectType('EngagementCheckIn')
export class EngagementCheckInType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  engagementId!: string;

  @Field(() => ID, { deprecationReason: APPLICATION_ID_DEPRECATION })
  applicationId!: string;

  @Field()
  summary!: string;

  @Field(() => Float, { description: 'Hours spent, 0 to 80 in steps of 0.1' })
  hours!: number;

  @Field(() => Int, { nullable: true, description: '1 (struggling) to 5 (going well)' })
  mood!: number | null;

  @Field({ description: 'The participant is stuck and needs help' })
  blocked!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the region approved the hours' })
  approvedAt!: Date | null;

  @Field(() => String, { nullable: true })
  approvedByName!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('EngagementNote')
export class EngagementNoteType {
  @Field(() => ID)
  id!: string;

  @Field(() => EngagementNoteVisibility)
  visibility!: EngagementNoteVisibility;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true })
  authorName!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('EngagementMilestone')
export class EngagementMilestoneType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueDate!: string;

  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;
}

@ObjectType('SupervisedEngagement')
export class SupervisedEngagementType {
  @Field(() => EngagementType)
  engagement!: EngagementType;

  @Field(() => EngagementHealth)
  health!: EngagementHealth;

  @Field(() => Date, { nullable: true })
  lastCheckInAt!: Date | null;

  @Field(() => Int)
  overdueMilestones!: number;
}

export const SupervisedEngagementConnection = Paginated(SupervisedEngagementType);

@ObjectType('EngagementHealthCount', {
  description: 'How many of the engagements you supervise are in one health.',
})
export class EngagementHealthCountType {
  @Field(() => EngagementHealth)
  health!: EngagementHealth;

  @Field(() => Int)
  count!: number;
}

@InputType()
export class AddCheckInInput implements EngagementReference {
  @EngagementIdField()
  engagementId?: string | null;

  @ApplicationIdField()
  applicationId?: string | null;

  @Field({ description: 'What was done' })
  @IsString()
  @IsNotEmpty({ message: 'must say what was done' })
  @MaxLength(4000, { message: 'must be at most 4,000 characters' })
  summary!: string;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be from 0 to 80, in steps of 0.1' })
  @Max(80, { message: 'must be from 0 to 80, in steps of 0.1' })
  @InSteps(0.1, { message: 'must be from 0 to 80, in steps of 0.1' })
  hours!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 5' })
  @Min(1, { message: 'must be a whole number from 1 to 5' })
  @Max(5, { message: 'must be a whole number from 1 to 5' })
  mood?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  blocked?: boolean | null;
}

@InputType()
export class AddEngagementNoteInput implements EngagementReference {
  @EngagementIdField()
  engagementId?: string | null;

  @ApplicationIdField()
  applicationId?: string | null;

  @Field(() => EngagementNoteVisibility)
  @IsEnum(EngagementNoteVisibility)
  visibility!: EngagementNoteVisibility;

  @Field()
  @RequiredText(4000)
  body!: string;
}

@InputType()
export class AddMilestoneInput implements EngagementReference {
  @EngagementIdField()
  engagementId?: string | null;

  @ApplicationIdField()
  applicationId?: string | null;

  @Field()
  @RequiredText(200)
  title!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  dueDate!: string;
}

@ArgsType()
export class SupervisedEngagementsArgs extends PageArgs {
  @Field(() => EngagementHealth, { nullable: true, description: 'Only engagements in this health' })
  @IsOptional()
  @IsEnum(EngagementHealth)
  health?: EngagementHealth | null;
}
