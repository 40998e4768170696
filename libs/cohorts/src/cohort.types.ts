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
import { ParticipantCardType } from '@tsunagu/participants';
import { ProgramType, ProjectType, RequiredSkillType } from '@tsunagu/projects';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AllocationModeValue, AllocationStatus } from './allocation.entity';
import { CohortStatus } from './cohort.entity';
import { APPLICATION_ID_DEPRECATION } from '@tsunagu/engagements';

registerEnumType(CohortStatus, {
  name: 'CohortStatus',
  valuesMap: {
    OPEN: { description: 'Members rank projects; allocations can be run and adjusted' },
    CONFIRMED: { description: 'One allocation was confirmed into applications' },
  },
});
registerEnumType(AllocationModeValue, {
  name: 'AllocationMode',
  valuesMap: {
    STABLE: {
      description:
        'Participant-proposing deferred acceptance: no participant and project would both rather be together',
    },
    OPTIMAL: { description: 'The highest total match score the capacities allow' },
  },
});
registerEnumType(AllocationStatus, {
  name: 'AllocationStatus',
  valuesMap: {
    QUEUED: { description: 'Waiting for the worker' },
    RUNNING: { description: 'Being computed' },
    PROPOSED: { description: 'A proposal to adjust and confirm' },
    FAILED: { description: 'Could not be computed: see error and problems' },
    CONFIRMED: { description: 'Turned into applications' },
  },
});

export const COHORT_LIMITS = { projects: 100, members: 500, moves: 500 } as const;

@ObjectType('CohortParticipant', {
  description: 'A cohort member. `card` is null when their profile is no longer visible to you.',
})
export class CohortParticipantType {
  @Field(() => ID)
  participantId!: string;

  @Field()
  displayName!: string;

  @Field(() => ParticipantCardType, { nullable: true })
  card!: ParticipantCardType | null;
}

@ObjectType('CohortProject')
export class CohortProjectType {
  @Field(() => ProjectType)
  project!: ProjectType;

  @Field(() => Int, { description: 'Seats the allocation may fill' })
  capacity!: number;
}

@ObjectType('RankedProject')
export class RankedProjectType {
  @Field(() => Int, { description: '1 = most wanted' })
  rank!: number;

  @Field(() => ProjectType)
  project!: ProjectType;
}

@ObjectType('CohortMember')
export class CohortMemberType {
  @Field(() => CohortParticipantType)
  participant!: CohortParticipantType;

  @Field(() => [RankedProjectType], { description: 'Best first; empty until they rank' })
  ranking!: RankedProjectType[];
}

@ObjectType('AllocationSummary')
export class AllocationSummaryType {
  @Field(() => ID)
  id!: string;

  @Field(() => AllocationModeValue)
  mode!: AllocationModeValue;

  @Field(() => AllocationStatus)
  status!: AllocationStatus;

  @Field(() => Float, { nullable: true })
  totalScore!: number | null;

  @Field(() => Int, { nullable: true })
  blockingPairs!: number | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('Cohort')
export class CohortType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => CohortStatus)
  status!: CohortStatus;

  @Field(() => ProgramType)
  program!: ProgramType;

  @Field(() => [CohortProjectType])
  projects!: CohortProjectType[];

  @Field(() => [CohortMemberType], {
    nullable: true,
    description: "Members and their rankings: for the intermediary's staff (null for members)",
  })
  members!: CohortMemberType[] | null;

  @Field(() => [RankedProjectType], { description: 'Your own ranking (empty for staff)' })
  myRanking!: RankedProjectType[];

  @Field(() => [AllocationSummaryType], {
    nullable: true,
    description: "Allocations run so far, newest first: for the intermediary's staff",
  })
  allocations!: AllocationSummaryType[] | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('AllocationAssignment')
export class AllocationAssignmentType {
  @Field(() => CohortParticipantType)
  participant!: CohortParticipantType;

  @Field(() => ProjectType)
  project!: ProjectType;

  @Field(() => Float, { description: "The engine's match score for the pair" })
  score!: number;

  @Field(() => Int, { description: "The project's place in the participant's ranking" })
  rank!: number;

  @Field({ description: 'Placed by the intermediary rather than by the algorithm' })
  adjusted!: boolean;

  @Field(() => ID, { nullable: true, description: 'Set on confirmation' })
  engagementId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Set on confirmation',
    deprecationReason: APPLICATION_ID_DEPRECATION,
  })
  applicationId!: string | null;
}

@ObjectType('CoveredSkill')
export class CoveredSkillType {
  @Field(() => RequiredSkillType)
  skill!: RequiredSkillType;

  @Field(() => ID, { description: 'The team member who covers it' })
  participantId!: string;
}

@ObjectType('AllocationTeam', {
  description:
    "A project's assigned participants and how they cover its must-have skills (greedy set cover).",
})
export class AllocationTeamType {
  @Field(() => ProjectType)
  project!: ProjectType;

  @Field(() => Int)
  capacity!: number;

  @Field(() => [CohortParticipantType])
  members!: CohortParticipantType[];

  @Field(() => [CoveredSkillType])
  coveredSkills!: CoveredSkillType[];

  @Field(() => [RequiredSkillType], { description: 'Must-have skills nobody in the team has' })
  uncoveredSkills!: RequiredSkillType[];
}

@ObjectType('BlockingPair', {
  description: 'A participant and a project that would both rather be together than as proposed.',
})
export class BlockingPairType {
  @Field(() => CohortParticipantType)
  participant!: CohortParticipantType;

  @Field(() => ProjectType)
  project!: ProjectType;
}

@ObjectType('AllocationProblem')
export class AllocationProblemType {
  @Field({ description: 'e.g. EMPTY_COHORT, CLOSED_PROJECT, PAIR_EXCLUDED' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => ID, { nullable: true })
  participantId!: string | null;

  @Field(() => ID, { nullable: true })
  projectId!: string | null;
}

@ObjectType('Allocation')
export class AllocationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  cohortId!: string;

  @Field(() => AllocationModeValue)
  mode!: AllocationModeValue;

  @Field(() => AllocationStatus)
  status!: AllocationStatus;

  @Field(() => Float, { nullable: true, description: "Sum of the assigned pairs' scores" })
  totalScore!: number | null;

  @Field(() => Int, { nullable: true, description: 'Always 0 for a STABLE proposal as computed' })
  blockingPairs!: number | null;

  @Field(() => [BlockingPairType])
  blockingPairDetails!: BlockingPairType[];

  @Field(() => [AllocationAssignmentType])
  assignments!: AllocationAssignmentType[];

  @Field(() => [CohortParticipantType])
  unassigned!: CohortParticipantType[];

  @Field(() => [AllocationTeamType])
  teams!: AllocationTeamType[];

  @Field(() => String, { nullable: true, description: 'Why it FAILED' })
  error!: string | null;

  @Field(() => [AllocationProblemType])
  problems!: AllocationProblemType[];

  @Field(() => String, { nullable: true, description: 'The matching weights the scores used' })
  weightsVersion!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;
}

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;
}

@InputType()
export class CohortProjectInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Seats for this cohort; default the project's capacity",
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000, { message: 'must be at most 10,000' })
  capacity?: number | null;
}

@InputType()
export class AddCohortProjectsInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a cohort id' })
  cohortId!: string;

  @Field(() => [CohortProjectInput], {
    description: 'Adding a project again sets its capacity',
  })
  @ArrayMinSize(1, { message: 'must list at least one project' })
  @ArrayMaxSize(COHORT_LIMITS.projects, { message: 'must list at most 100 projects' })
  @ValidateNested({ each: true })
  @Type(() => CohortProjectInput)
  projects!: CohortProjectInput[];
}

@InputType()
export class AddCohortMembersInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a cohort id' })
  cohortId!: string;

  @Field(() => [ID], { description: "Participants' user ids; adding a member again does nothing" })
  @ArrayMinSize(1, { message: 'must list at least one participant' })
  @ArrayMaxSize(COHORT_LIMITS.members, { message: 'must list at most 500 participants' })
  @IsUUID('4', { each: true, message: 'must be participant ids' })
  participantIds!: string[];
}

@InputType()
export class RankCohortProjectsInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a cohort id' })
  cohortId!: string;

  @Field(() => [ID], {
    description:
      'Every project you would join, best first; replaces your previous ranking. Each project once: no ties.',
  })
  @ArrayMaxSize(COHORT_LIMITS.projects, { message: 'must list at most 100 projects' })
  @IsUUID('4', { each: true, message: 'must be project ids' })
  projectIds!: string[];
}

@ArgsType()
export class RunAllocationArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a cohort id' })
  cohortId!: string;

  @Field(() => AllocationModeValue)
  @IsEnum(AllocationModeValue, { message: 'must be STABLE or OPTIMAL' })
  mode!: AllocationModeValue;
}

@InputType()
export class AllocationMoveInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a participant id' })
  participantId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A project the participant ranked; null leaves them unassigned',
  })
  @IsOptional()
  @IsUUID('4', { message: 'must be a project id' })
  projectId?: string | null;
}

@InputType()
export class AdjustAllocationInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an allocation id' })
  allocationId!: string;

  @Field(() => [AllocationMoveInput], {
    description: 'Applied together, so two participants can swap in one request',
  })
  @ArrayMinSize(1, { message: 'must list at least one move' })
  @ArrayMaxSize(COHORT_LIMITS.moves, { message: 'must list at most 500 moves' })
  @ValidateNested({ each: true })
  @Type(() => AllocationMoveInput)
  moves!: AllocationMoveInput[];
}
