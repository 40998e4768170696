import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import {
  ApplyAsCompanyTeamInput,
  ApplyingService,
  ApplyToProjectInput,
  CompanyTeamApplicationService,
  CompanyTeamApplicationType,
  EngagementConnection,
  EngagementResponseService,
  EngagementType,
  MyEngagementForProjectArgs,
  MyEngagementsArgs,
  ProjectEngagementsArgs,
  toEngagementType,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { AsParent, Authenticated, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => EngagementType)
export class ApplicationResolver {
  constructor(
    private readonly applications: ApplyingService,
    private readonly responses: EngagementResponseService,
    private readonly teamApplications: CompanyTeamApplicationService,
  ) {}

  @ServiceChecks('companyOwner')
  @Query(() => [CompanyTeamApplicationType], {
    description:
      "The company's teams' applications to its programs' projects, newest first (at most 500). The company's owners or platform admins.",
  })
  companyTeamApplications(
    @CurrentActor() actor: Actor,
    @Args('companyOrganizationId', { type: () => ID }) companyOrganizationId: string,
  ): Promise<CompanyTeamApplicationType[]> {
    return this.teamApplications.list(actor, companyOrganizationId);
  }

  @ServiceChecks('participant')
  @Mutation(() => EngagementType, { description: 'Apply to a published project (once).' })
  async applyToProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApplyToProjectInput,
  ): Promise<EngagementType> {
    return toEngagementType(
      await this.applications.apply(actor, input.projectId, input.motivation),
    );
  }

  @ServiceChecks('companyOwner')
  @Mutation(() => [EngagementType], {
    description:
      "A company's owners apply for one of its teams: an application per member, each going " +
      'through the engagement lifecycle on its own.',
  })
  async applyAsCompanyTeam(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApplyAsCompanyTeamInput,
  ): Promise<EngagementType[]> {
    const engagements = await this.applications.applyAsTeam(
      actor,
      input.teamId,
      input.projectId,
      input.motivation,
    );
    return engagements.map(toEngagementType);
  }

  @Authenticated()
  @Query(() => EngagementConnection, {
    description: 'Your engagements, from application on, newest first.',
  })
  async myEngagements(
    @CurrentActor() actor: Actor,
    @Args() args: MyEngagementsArgs,
  ): Promise<Connection<EngagementType>> {
    const { status, ...page } = args;
    return mapConnection(await this.applications.mine(actor, page, status), toEngagementType);
  }

  @Authenticated()
  @Query(() => EngagementType, {
    nullable: true,
    description: 'Your engagement with a project, if you applied (or accepted an offer) to it.',
  })
  async myEngagementForProject(
    @CurrentActor() actor: Actor,
    @Args() args: MyEngagementForProjectArgs,
  ): Promise<EngagementType | null> {
    const engagement = await this.applications.mineForProject(actor, args.projectId);
    return engagement && toEngagementType(engagement);
  }

  @Authenticated()
  @Query(() => EngagementConnection, { deprecationReason: 'Use myEngagements.' })
  async myApplications(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<EngagementType>> {
    return this.myEngagements(actor, page);
  }

  @ServiceChecks('projectSupervisor')
  @Query(() => EngagementConnection, {
    description: "A project's engagements, for its region and supervising intermediaries.",
  })
  async projectEngagements(
    @CurrentActor() actor: Actor,
    @Args() args: ProjectEngagementsArgs,
  ): Promise<Connection<EngagementType>> {
    return mapConnection(
      await this.applications.forProject(actor, args.projectId, args),
      toEngagementType,
    );
  }

  @ServiceChecks('projectSupervisor')
  @Query(() => EngagementConnection, {
    description: "For the project's region and supervising intermediaries.",
    deprecationReason: 'Use projectEngagements.',
  })
  async projectApplications(
    @CurrentActor() actor: Actor,
    @Args() args: ProjectEngagementsArgs,
  ): Promise<Connection<EngagementType>> {
    return this.projectEngagements(actor, args);
  }

  @AsParent()
  @ResolveField(() => Date, {
    nullable: true,
    description:
      'While the application waits for the region (SUBMITTED): by when to answer it. Past it the ' +
      'application is overdue, and enough overdue ones pause the project.',
  })
  answerDueAt(@Parent() engagement: EngagementType): Date | null {
    return this.responses.answerDueAt(engagement);
  }
}
