import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@tsunagu/identity';
import { ProgramReportArgs, ProgramReportService, ProgramReportType } from '@tsunagu/insights';
import {
  ProgramKpiTargetType,
  ProgramPlanService,
  ProgramReviewType,
  SetProgramKpiTargetsInput,
  SetProgramReviewInput,
} from '@tsunagu/projects';
import { Allow, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class ProgramReportResolver {
  constructor(
    private readonly reports: ProgramReportService,
    private readonly plans: ProgramPlanService,
  ) {}

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'programStaff')
  @Query(() => ProgramReportType, {
    description: "A program's fiscal year: KPI targets against results, breakdowns and PDCA notes.",
  })
  async programReport(
    @CurrentActor() actor: Actor,
    @Args() { programId, fiscalYear }: ProgramReportArgs,
  ): Promise<ProgramReportType> {
    return this.reports.report(actor, programId, fiscalYear ?? undefined);
  }

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'programStaff')
  @Mutation(() => [ProgramKpiTargetType], {
    description: "The intermediary's staff set a program's KPI targets for a fiscal year.",
  })
  async setProgramKpiTargets(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetProgramKpiTargetsInput,
  ): Promise<ProgramKpiTargetType[]> {
    return (await this.plans.setTargets(actor, input)).targets;
  }

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'programStaff')
  @Mutation(() => ProgramReviewType, {
    description: "The intermediary's staff write a program's PDCA notes for a fiscal year.",
  })
  async setProgramReview(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetProgramReviewInput,
  ): Promise<ProgramReviewType> {
    // Written just now, so there is one.
    return (await this.plans.setReview(actor, input)).review!;
  }
}
