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
import { PageArgs, Paginated } from '@tsunagu/core';
import { ParticipantCardType } from '@tsunagu/participants';
import { ProjectType } from '@tsunagu/projects';
import { Type } from 'class-transformer';
import { IsNumber, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ScoringRunStatus } from './scoring-run.entity';

registerEnumType(ScoringRunStatus, { name: 'ScoringRunStatus' });

@ObjectType('MatchReason')
export class MatchReasonType {
  @Field()
  ja!: string;

  @Field()
  en!: string;
}

@ObjectType('MatchFactor', { description: 'One part of a score: weight × value, and why.' })
export class MatchFactorType {
  @Field({ description: 'skills, theme, availability, distance, goal, tie or fairness' })
  factor!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => Float, { description: 'In [0, 1]' })
  value!: number;

  @Field(() => MatchReasonType)
  reason!: MatchReasonType;
}

@ObjectType('ProjectRecommendation')
export class ProjectRecommendationType {
  @Field(() => Int, { description: '1 = best' })
  rank!: number;

  @Field(() => Float, { description: 'In [0, 1]' })
  score!: number;

  @Field({ description: 'The weights the score was computed with, e.g. default-1' })
  weightsVersion!: string;

  @Field(() => [MatchFactorType])
  factors!: MatchFactorType[];

  @Field()
  computedAt!: Date;

  @Field(() => ProjectType)
  project!: ProjectType;
}

export const ProjectRecommendationConnection = Paginated(ProjectRecommendationType);

@ObjectType('CandidateRecommendation')
export class CandidateRecommendationType {
  @Field(() => Int, { description: '1 = best' })
  rank!: number;

  @Field(() => Float)
  score!: number;

  @Field()
  weightsVersion!: string;

  @Field(() => [MatchFactorType])
  factors!: MatchFactorType[];

  @Field()
  computedAt!: Date;

  @Field(() => ParticipantCardType)
  participant!: ParticipantCardType;
}

export const CandidateRecommendationConnection = Paginated(CandidateRecommendationType);

@ArgsType()
export class RecommendedCandidatesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;
}

@InputType()
export class MatchingWeightsInput {
  // Ranges (each 0–1, at least one above 0) are checked with the engine's own rules.
  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  skills!: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  theme!: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  availability!: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  distance!: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  goal!: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  tie!: number;

  @Field(() => Float)
  @IsNumber({}, { message: 'must be a number' })
  fairness!: number;
}

@InputType()
export class SetProgramWeightsInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field(() => MatchingWeightsInput)
  @ValidateNested()
  @Type(() => MatchingWeightsInput)
  weights!: MatchingWeightsInput;
}

@ObjectType('MatchingWeightsValues')
export class MatchingWeightsValuesType {
  @Field(() => Float)
  skills!: number;

  @Field(() => Float)
  theme!: number;

  @Field(() => Float)
  availability!: number;

  @Field(() => Float)
  distance!: number;

  @Field(() => Float)
  goal!: number;

  @Field(() => Float)
  tie!: number;

  @Field(() => Float)
  fairness!: number;
}

@ObjectType('ProgramWeights')
export class ProgramWeightsType {
  @Field(() => ID)
  programId!: string;

  @Field({ description: 'Recorded on every score, e.g. program-<id>-v2 or default-1' })
  version!: string;

  @Field(() => MatchingWeightsValuesType)
  weights!: MatchingWeightsValuesType;
}

@ObjectType('ScoringRun', { description: 'A full re-score; progress is chunksDone / chunksTotal.' })
export class ScoringRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => ScoringRunStatus)
  status!: ScoringRunStatus;

  @Field()
  reason!: string;

  @Field(() => Int, { description: '0 until the run is planned' })
  chunksTotal!: number;

  @Field(() => Int)
  chunksDone!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@InputType()
export class StartFullRescoreInput {
  // At least 3 characters once trimmed (checked by the service).
  @Field()
  @IsString()
  @MaxLength(500)
  reason!: string;
}
