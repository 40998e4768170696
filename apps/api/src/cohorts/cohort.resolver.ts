import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AddCohortMembersInput,
  AddCohortProjectsInput,
  AdjustAllocationInput,
  AllocationService,
  AllocationType,
  CohortService,
  CohortType,
  CreateCohortInput,
  RankCohortProjectsInput,
  RunAllocationArgs,
  toAllocationType,
  toCohortType,
} from '@tsunagu/cohorts';
import { Actor } from '@tsunagu/identity';
import { Authenticated, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

const ID_ARG = { type: () => ID };

// Cohort staff operations are the service's to refuse: it answers NOT_FOUND to anyone but the
// staff of the cohort's intermediary, so a cohort's existence is not confirmed by a role check.
@Resolver(() => CohortType)
export class CohortResolver {
  constructor(
    private readonly cohorts: CohortService,
    private readonly allocations: AllocationService,
  ) {}

  @ServiceChecks('cohortStaff')
  @Mutation(() => CohortType, { description: "The program's intermediary staff." })
  async createCohort(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateCohortInput,
  ): Promise<CohortType> {
    return toCohortType(await this.cohorts.create(actor, input.programId, input.name));
  }

  @ServiceChecks('cohortStaff')
  @Mutation(() => CohortType, {
    description:
      "Published projects in the intermediary's remit (and not in another program). The intermediary's staff.",
  })
  async addCohortProjects(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddCohortProjectsInput,
  ): Promise<CohortType> {
    return toCohortType(await this.cohorts.addProjects(actor, input.cohortId, input.projects));
  }

  @ServiceChecks('cohortStaff')
  @Mutation(() => CohortType, {
    description: "Participants whose profiles the intermediary sees. The intermediary's staff.",
  })
  async addCohortMembers(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddCohortMembersInput,
  ): Promise<CohortType> {
    return toCohortType(await this.cohorts.addMembers(actor, input.cohortId, input.participantIds));
  }

  @ServiceChecks('cohortMember')
  @Mutation(() => CohortType, { description: 'A member ranks the projects they would join.' })
  async rankCohortProjects(
    @CurrentActor() actor: Actor,
    @Args('input') input: RankCohortProjectsInput,
  ): Promise<CohortType> {
    return toCohortType(await this.cohorts.rank(actor, input.cohortId, input.projectIds));
  }

  @ServiceChecks('cohortMember')
  @Query(() => CohortType, {
    description:
      "The intermediary's staff see everything; members see the projects and their own ranking.",
  })
  async cohort(@CurrentActor() actor: Actor, @Args('id', ID_ARG) id: string): Promise<CohortType> {
    return toCohortType(await this.cohorts.view(actor, id));
  }

  @Authenticated()
  @Query(() => [CohortType], { description: 'Cohorts you are a member of, newest first.' })
  async myCohorts(@CurrentActor() actor: Actor): Promise<CohortType[]> {
    return (await this.cohorts.mine(actor)).map(toCohortType);
  }

  @ServiceChecks('cohortStaff')
  @Query(() => [CohortType], {
    description: "A program's cohorts, newest first. The intermediary's staff.",
  })
  async programCohorts(
    @CurrentActor() actor: Actor,
    @Args('programId', ID_ARG) programId: string,
  ): Promise<CohortType[]> {
    return (await this.cohorts.forProgram(actor, programId)).map(toCohortType);
  }

  @ServiceChecks('cohortStaff')
  @Mutation(() => AllocationType, {
    description: 'Queue an allocation of the cohort; the worker turns it into a proposal.',
  })
  async runAllocation(
    @CurrentActor() actor: Actor,
    @Args() args: RunAllocationArgs,
  ): Promise<AllocationType> {
    return toAllocationType(await this.allocations.request(actor, args.cohortId, args.mode));
  }

  @ServiceChecks('cohortStaff')
  @Query(() => AllocationType, { description: "The intermediary's staff." })
  async allocation(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
  ): Promise<AllocationType> {
    return toAllocationType(await this.allocations.get(actor, id));
  }

  @ServiceChecks('cohortStaff')
  @Mutation(() => AllocationType, {
    description:
      'Move participants between projects they ranked, or unassign them, before confirming.',
  })
  async adjustAllocation(
    @CurrentActor() actor: Actor,
    @Args('input') input: AdjustAllocationInput,
  ): Promise<AllocationType> {
    const moves = input.moves.map((m) => ({
      participantId: m.participantId,
      projectId: m.projectId ?? null,
    }));
    return toAllocationType(await this.allocations.adjust(actor, input.allocationId, moves));
  }

  @ServiceChecks('cohortStaff')
  @Mutation(() => AllocationType, {
    description: 'Turn a proposal into applications; once per cohort.',
  })
  async confirmAllocation(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
  ): Promise<AllocationType> {
    return toAllocationType(await this.allocations.confirm(actor, id));
  }
}
