import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import {
  ApplicationConnection,
  ApplyingService,
  ApplicationType,
  ApplyAsCompanyTeamInput,
  ApplyToProjectInput,
  ProjectApplicationsArgs,
  toApplicationType,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => ApplicationType)
export class ApplicationResolver {
  constructor(private readonly applications: ApplyingService) {}

  @Mutation(() => ApplicationType, { description: 'Apply to a published project (once).' })
  async applyToProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApplyToProjectInput,
  ): Promise<ApplicationType> {
    return toApplicationType(
      await this.applications.apply(actor, input.projectId, input.motivation),
    );
  }

  @Mutation(() => [ApplicationType], {
    description:
      "A company's owners apply for one of its teams: an application per member, each going " +
      'through the engagement lifecycle on its own.',
  })
  async applyAsCompanyTeam(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApplyAsCompanyTeamInput,
  ): Promise<ApplicationType[]> {
    const applications = await this.applications.applyAsTeam(
      actor,
      input.teamId,
      input.projectId,
      input.motivation,
    );
    return applications.map(toApplicationType);
  }

  @Query(() => ApplicationConnection)
  async myApplications(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<ApplicationType>> {
    return mapConnection(await this.applications.mine(actor, page), toApplicationType);
  }

  @Query(() => ApplicationConnection, {
    description: "For the project's region and supervising intermediaries.",
  })
  async projectApplications(
    @CurrentActor() actor: Actor,
    @Args() args: ProjectApplicationsArgs,
  ): Promise<Connection<ApplicationType>> {
    return mapConnection(
      await this.applications.forProject(actor, args.projectId, args),
      toApplicationType,
    );
  }
}
