import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  CandidateRecommendationConnection,
  CandidateRecommendationType,
  ProgramWeightsService,
  ProgramWeightsType,
  ProjectRecommendationConnection,
  ProjectRecommendationType,
  RecommendationService,
  RecommendedCandidatesArgs,
  ScoringRunService,
  ScoringRunType,
  SetProgramWeightsInput,
  StartFullRescoreInput,
  toCandidateRecommendationType,
  toProgramWeightsType,
  toProjectRecommendationType,
  toScoringRunType,
  WeightsPreviewService,
  WeightsPreviewType,
} from '@tsunagu/scoring';
import { Allow, Authenticated, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class RecommendationResolver {
  constructor(
    private readonly recommendations: RecommendationService,
    private readonly weights: ProgramWeightsService,
    private readonly runs: ScoringRunService,
    private readonly previews: WeightsPreviewService,
  ) {}

  @Authenticated()
  @Query(() => ProjectRecommendationConnection, {
    description: 'Your best-matching published projects, best first, each with its explanation.',
  })
  async recommendedProjects(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<ProjectRecommendationType>> {
    return mapConnection(
      await this.recommendations.forParticipant(actor, page),
      toProjectRecommendationType,
    );
  }

  @Allow([Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'projectSupervisor')
  @Query(() => CandidateRecommendationConnection, {
    description:
      "A project's best-matching participants, for its region and supervising intermediaries; " +
      'only profiles visible to you.',
  })
  async recommendedCandidates(
    @CurrentActor() actor: Actor,
    @Args() args: RecommendedCandidatesArgs,
  ): Promise<Connection<CandidateRecommendationType>> {
    return mapConnection(
      await this.recommendations.forProject(actor, args.projectId, args),
      toCandidateRecommendationType,
    );
  }

  @Authenticated()
  @Query(() => ProgramWeightsType, {
    description: "The weights a program's projects are scored with.",
  })
  async programWeights(
    @Args('programId', { type: () => ID }) programId: string,
  ): Promise<ProgramWeightsType> {
    return toProgramWeightsType(programId, await this.weights.current(programId));
  }

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'programStaff')
  @Mutation(() => ProgramWeightsType, {
    description:
      "The program's intermediary sets new weights: stored as the next version, and everything " +
      'is re-scored with them.',
  })
  async setProgramWeights(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetProgramWeightsInput,
  ): Promise<ProgramWeightsType> {
    const row = await this.weights.set(actor, input.programId, { ...input.weights });
    return toProgramWeightsType(input.programId, row);
  }

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'programStaff')
  @Query(() => WeightsPreviewType, {
    description:
      "How candidates' ranks in a sample of the program's projects would change under these " +
      'weights, before they are saved. Nothing is stored.',
  })
  async previewProgramWeights(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetProgramWeightsInput,
  ): Promise<WeightsPreviewType> {
    return this.previews.preview(actor, input.programId, { ...input.weights });
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => ScoringRunType, { description: 'Platform admins: re-score everyone.' })
  async startFullRescore(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartFullRescoreInput,
  ): Promise<ScoringRunType> {
    return toScoringRunType(await this.runs.request(actor, input.reason));
  }

  @ServiceChecks('scoringRunRequester')
  @Query(() => ScoringRunType, { description: 'Progress of a full re-score.' })
  async scoringRun(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ScoringRunType> {
    return toScoringRunType(await this.runs.getFor(actor, id));
  }
}
