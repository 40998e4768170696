import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  InterestedParticipantConnection,
  InterestedParticipantType,
  MarkedProjectConnection,
  MarkedProjectType,
  ProjectInterestService,
  ProjectService,
  ProjectType,
  toInterestedParticipantType,
  toMarkedProjectType,
  toProjectType,
} from '@tsunagu/projects';
import { AsParent, Authenticated, ServiceChecks } from '../auth/authorisation';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

const ID_ARG = { type: () => ID };

// 興味あり: participants mark projects; regions and their intermediaries see who.
@Resolver(() => ProjectType)
export class InterestResolver {
  constructor(
    private readonly interests: ProjectInterestService,
    private readonly projects: ProjectService,
  ) {}

  @ServiceChecks('participant')
  @Mutation(() => ProjectType, {
    description: 'Mark a published project 興味あり (interested). Marking again changes nothing.',
  })
  async markProjectInterest(
    @CurrentActor() actor: Actor,
    @Args('projectId', ID_ARG) projectId: string,
  ): Promise<ProjectType> {
    return toProjectType(await this.interests.mark(actor, projectId));
  }

  @Authenticated()
  @Mutation(() => ProjectType, {
    nullable: true,
    description:
      'Take back your 興味あり mark (nothing to take back is fine). The project, or null when you may no longer see it.',
  })
  async unmarkProjectInterest(
    @CurrentActor() actor: Actor,
    @Args('projectId', ID_ARG) projectId: string,
  ): Promise<ProjectType | null> {
    await this.interests.unmark(actor, projectId);
    const project = await this.projects.visible(actor, projectId);
    return project && toProjectType(project);
  }

  @Authenticated()
  @Query(() => MarkedProjectConnection, {
    description: 'The published projects you marked 興味あり, newest mark first.',
  })
  async myInterests(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<Connection<MarkedProjectType>> {
    return mapConnection(await this.interests.mine(actor, page), toMarkedProjectType);
  }

  @ServiceChecks('projectSupervisor')
  @Query(() => InterestedParticipantConnection, {
    description:
      'Who marked a project 興味あり, newest first: only participants whose visibility lets you see them, never contact details.',
  })
  async projectInterests(
    @CurrentActor() actor: Actor,
    @Args('projectId', ID_ARG) projectId: string,
    @Args() page: PageArgs,
  ): Promise<Connection<InterestedParticipantType>> {
    return mapConnection(
      await this.interests.ofProject(actor, projectId, page),
      toInterestedParticipantType,
    );
  }

  @AsParent()
  @ResolveField(() => Int, { description: 'How many participants marked the project 興味あり' })
  async interestCount(
    @Parent() project: ProjectType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<number> {
    return loaders.interestCount.load(project.id);
  }

  @AsParent()
  @ResolveField(() => Boolean, { description: 'Whether you marked it 興味あり (false signed out)' })
  async interestedByMe(
    @Parent() project: ProjectType,
    @OptionalActor() actor: Actor | undefined,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<boolean> {
    if (!actor) return false;
    return loaders.interested.load(`${actor.userId}:${project.id}`);
  }
}
