import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FeedbackSide, FollowUpOutcome } from './engagement-relationship.entities';
import {
  APPLICATION_ID_DEPRECATION,
  ApplicationIdField,
  EngagementIdField,
  EngagementReference,
} from '../lifecycle/engagement-reference';

registerEnumType(FeedbackSide, { name: 'FeedbackSide' });
registerEnumType(FollowUpOutcome, { name: 'FollowUpOutcome' });

@ObjectType('EngagementFeedback')
export class EngagementFeedbackType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  engagementId!: string;

  @Field(() => ID, { deprecationReason: APPLICATION_ID_DEPRECATION })
  applicationId!: string;

  @Field(() => FeedbackSide, { description: 'PARTICIPANT about the region, REGION about them' })
  side!: FeedbackSide;

  @Field(() => Int, { description: '1 to 5' })
  rating!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true })
  authorName!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('EngagementCompletion', {
  description: 'Certificate data of a completed engagement',
})
export class EngagementCompletionType {
  @Field(() => ID)
  engagementId!: string;

  @Field(() => ID, { deprecationReason: APPLICATION_ID_DEPRECATION })
  applicationId!: string;

  @Field()
  participantName!: string;

  @Field(() => ID)
  projectId!: string;

  @Field()
  projectTitle!: string;

  @Field(() => ID)
  regionOrganizationId!: string;

  @Field()
  regionName!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, from the approved terms' })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, from the approved terms' })
  endDate!: string | null;

  @Field(() => Float, { description: 'Hours of check-ins the region approved' })
  approvedHours!: number;

  @Field(() => Int)
  approvedCheckIns!: number;

  @Field()
  completedAt!: Date;
}

@ObjectType('FollowUp')
export class FollowUpType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  engagementId!: string;

  @Field(() => ID, { deprecationReason: APPLICATION_ID_DEPRECATION })
  applicationId!: string;

  @Field()
  projectTitle!: string;

  @Field(() => Int, { description: '3, 6 or 12 months after completion' })
  dueMonths!: number;

  @Field()
  dueAt!: Date;

  @Field(() => [FollowUpOutcome], { nullable: true })
  outcomes!: FollowUpOutcome[] | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when recorded automatically' })
  recordedByName!: string | null;

  @Field(() => Date, { nullable: true })
  recordedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  notifiedAt!: Date | null;
}

@ObjectType('RegionRelationship', {
  description: "A participant's relationship with a region (関係人口)",
})
export class RegionRelationshipType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  participantId!: string;

  @Field()
  participantName!: string;

  @Field(() => ID)
  regionOrganizationId!: string;

  @Field()
  regionName!: string;

  @Field()
  firstEngagementAt!: Date;

  @Field(() => Int)
  engagementsCompleted!: number;

  @Field(() => [FollowUpOutcome])
  lastOutcomes!: FollowUpOutcome[];

  @Field()
  lastContactAt!: Date;
}

@InputType()
export class GiveEngagementFeedbackInput implements EngagementReference {
  @EngagementIdField()
  engagementId?: string | null;

  @ApplicationIdField()
  applicationId?: string | null;

  @Field(() => Int, { description: '1 to 5' })
  @IsInt({ message: 'must be a whole number from 1 to 5' })
  @Min(1, { message: 'must be a whole number from 1 to 5' })
  @Max(5, { message: 'must be a whole number from 1 to 5' })
  rating!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'must be at most 4,000 characters' })
  comment?: string | null;
}

@InputType()
export class RecordFollowUpInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a follow-up id' })
  followUpId!: string;

  @Field(() => [FollowUpOutcome], { description: 'Everything that happened, at least one' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one outcome' })
  @ArrayMaxSize(6)
  @ArrayUnique({ message: 'must not repeat an outcome' })
  @IsEnum(FollowUpOutcome, { each: true })
  outcomes!: FollowUpOutcome[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'must be at most 4,000 characters' })
  note?: string | null;
}
