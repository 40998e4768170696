import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  CreateProjectInput,
  ProjectConnection,
  ProjectService,
  ProjectsArgs,
  ProjectType,
  toProjectType,
} from '@tsunagu/projects';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { UuidPipe } from '../graphql/uuid.pipe';

@Resolver(() => ProjectType)
export class ProjectResolver {
  constructor(private readonly projectService: ProjectService) {}

  @Public()
  @Query(() => ProjectConnection, { description: 'Published projects, newest first.' })
  async projects(@Args() args: ProjectsArgs): Promise<Connection<ProjectType>> {
    const page = await this.projectService.listPublished(args.filter ?? {}, args);
    return mapConnection(page, toProjectType);
  }

  @Public()
  @Query(() => ProjectType, { description: 'A published project, or a draft you supervise.' })
  async project(
    @OptionalActor() actor: Actor | undefined,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<ProjectType> {
    return toProjectType(await this.projectService.get(actor, id));
  }

  @Query(() => ProjectConnection, {
    description: "All of a region organisation's projects, drafts included.",
  })
  async organizationProjects(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }, UuidPipe) organizationId: string,
    @Args() page: PageArgs,
  ): Promise<Connection<ProjectType>> {
    return mapConnection(
      await this.projectService.listForOrganization(actor, organizationId, page),
      toProjectType,
    );
  }

  @Mutation(() => ProjectType, { description: 'Region staff draft a project.' })
  async createProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProjectInput,
  ): Promise<ProjectType> {
    return toProjectType(await this.projectService.create(actor, input));
  }

  @Mutation(() => ProjectType, {
    description: 'An intermediary covering the project publishes it.',
  })
  async publishProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<ProjectType> {
    return toProjectType(await this.projectService.publish(actor, id));
  }
}
