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
import { validateWeights, weightProblem } from '@tsunagu/matching';
import { ParticipantCardType } from '@tsunagu/participants';
import { ProjectType } from '@tsunagu/projects';
import { Type } from 'class-transformer';
import {
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { ScoringRunStatus } from './scoring-run.entity';

registerEnumType(ScoringRunStatus, { name: 'ScoringRunStatus' });

// One factor's weight by the engine's rule, reported at the factor's path.
const IsWeight = () =>
  ValidateBy({
    name: 'isWeight',
    validator: {
      validate: (value: unknown) => weightProblem(value) === undefined,
      defaultMessage: (args?: ValidationArguments) => weightProblem(args?.value) ?? '',
    },
  });

// The engine's rule for the whole set (at least one weight above 0), at input.weights.
const setProblem = (weights: unknown) =>
  typeof weights === 'object' && weights !== null
    ? validateWeights({ ...weights }).find((p) => p.factor === undefined)?.message
    : undefined;
const IsWeightSet = () =>
  ValidateBy({
    name: 'isWeightSet',
    validator: {
      validate: (weights: unknown) => setProblem(weights) === undefined,
      defaultMessage: (args?: ValidationArguments) => setProblem(args?.value) ?? '',
    },
  });

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
  // Ranges (each 0–1, at least one above 0) are the engine's rules (validateWeights).
  @Field(() => Float)
  @IsWeight()
  skills!: number;

  @Field(() => Float)
  @IsWeight()
  theme!: number;

  @Field(() => Float)
  @IsWeight()
  availability!: number;

  @Field(() => Float)
  @IsWeight()
  distance!: number;

  @Field(() => Float)
  @IsWeight()
  goal!: number;

  @Field(() => Float)
  @IsWeight()
  tie!: number;

  @Field(() => Float)
  @IsWeight()
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
  @IsWeightSet()
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

@ObjectType('RankChange', { description: "A candidate's place in a weights preview's sample" })
export class RankChangeType {
  @Field(() => ID)
  participantId!: string;

  @Field()
  displayName!: string;

  @Field(() => Int, { description: 'Under the current weights; 1 = best within the sample' })
  rankBefore!: number;

  @Field(() => Int, { description: 'Under the proposed weights' })
  rankAfter!: number;

  @Field(() => Float)
  scoreBefore!: number;

  @Field(() => Float)
  scoreAfter!: number;
}

@ObjectType('WeightsPreviewProject')
export class WeightsPreviewProjectType {
  @Field(() => ID)
  projectId!: string;

  @Field()
  projectTitle!: string;

  @Field(() => [RankChangeType], {
    description: 'Its top stored candidates you may see, best first under the proposed weights',
  })
  candidates!: RankChangeType[];
}

@ObjectType('WeightsPreview')
export class WeightsPreviewType {
  @Field({
    description:
      "True when the program has no published project yet and projects in its intermediary's remit stand in",
  })
  fromRemit!: boolean;

  @Field(() => [WeightsPreviewProjectType])
  projects!: WeightsPreviewProjectType[];
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
  @Field()
  @IsString()
  @MinLength(3, { message: 'must say why, in at least 3 characters' })
  @MaxLength(500)
  reason!: string;
}
