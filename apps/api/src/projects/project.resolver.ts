import { OnApplicationBootstrap } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { AppError, Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor, OrganizationType, toOrganizationType } from '@tsunagu/identity';
import {
  CreateProjectInput,
  ExtendProjectInput,
  PlaceType,
  ProgramType,
  ProjectAction,
  ProjectAuditEntryType,
  ProjectAuditService,
  ProjectConnection,
  ProjectLifecycleService,
  ProjectReaders,
  ProjectSearchService,
  ProjectService,
  ProjectsArgs,
  ProjectType,
  RequiredSkillType,
  toPlaceType,
  toProgramType,
  toProjectAuditEntryType,
  toProjectType,
  toRequiredSkillType,
  UpdateProjectInput,
} from '@tsunagu/projects';
import { ThemeType, toThemeType } from '@tsunagu/taxonomy';
import { AsParent, Public, ServiceChecks } from '../auth/authorisation';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

const ID_ARG = { type: () => ID };

// `arg` names the argument in error paths: closeProject calls its comment `reason`.
function comment(text: string | undefined, required: boolean, arg = 'comment'): string | undefined {
  const trimmed = text?.trim();
  if (required && !trimmed) throw AppError.invalidField([arg], 'is required');
  if (trimmed && trimmed.length > 4000)
    throw AppError.invalidField([arg], 'must be at most 4,000 characters');
  return trimmed || undefined;
}

@Resolver(() => ProjectType)
export class ProjectResolver implements OnApplicationBootstrap {
  constructor(
    private readonly projectService: ProjectService,
    private readonly search: ProjectSearchService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly audit: ProjectAuditService,
    private readonly readers: ProjectReaders,
  ) {}

  // No API starts with a reader relation of a project that no context answers, or two answer.
  onApplicationBootstrap(): void {
    this.readers.checkProviders();
  }

  @Public()
  @Query(() => ProjectConnection, {
    description: 'Search published projects; newest first by default.',
  })
  async projects(@Args() args: ProjectsArgs): Promise<Connection<ProjectType>> {
    return mapConnection(
      await this.search.search(args.filter ?? {}, args.sort, args),
      toProjectType,
    );
  }

  @Public()
  @Query(() => ProjectType, {
    description:
      'A published project; one that is not, for its region and supervisors; one that has ended (closed, archived), also for whoever took part in it (an engagement, a scout offer, a cohort, a company programme).',
  })
  async project(
    @OptionalActor() actor: Actor | undefined,
    @Args('id', ID_ARG) id: string,
  ): Promise<ProjectType> {
    return toProjectType(await this.projectService.get(actor, id));
  }

  @ServiceChecks('projectSupervisor')
  @Query(() => ProjectConnection, {
    description: "All of a region organisation's projects, drafts included.",
  })
  async organizationProjects(
    @CurrentActor() actor: Actor,
    @Args('organizationId', ID_ARG) organizationId: string,
    @Args() page: PageArgs,
  ): Promise<Connection<ProjectType>> {
    return mapConnection(
      await this.search.forOrganization(actor, organizationId, page),
      toProjectType,
    );
  }

  @ServiceChecks('projectSupervisor')
  @Query(() => [ProjectAuditEntryType], { description: "A project's audit trail, oldest first." })
  async projectHistory(
    @CurrentActor() actor: Actor,
    @Args('projectId', ID_ARG) projectId: string,
  ): Promise<ProjectAuditEntryType[]> {
    const project = await this.projectService.get(actor, projectId);
    return (await this.audit.history(actor, project)).map(toProjectAuditEntryType);
  }

  @ServiceChecks('projectRegion')
  @Mutation(() => ProjectType, { description: 'Region staff draft a project.' })
  async createProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProjectInput,
  ): Promise<ProjectType> {
    return toProjectType(await this.projectService.create(actor, input));
  }

  @ServiceChecks('projectRegion')
  @Mutation(() => ProjectType, { description: 'Region staff edit a draft.' })
  async updateProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateProjectInput,
  ): Promise<ProjectType> {
    return toProjectType(await this.projectService.update(actor, input.projectId, input.changes));
  }

  @ServiceChecks('projectRegion')
  @Mutation(() => ProjectType, { description: 'Region staff send a draft for review.' })
  async submitProject(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
  ): Promise<ProjectType> {
    return toProjectType(await this.lifecycle.transition(actor, id, ProjectAction.SUBMIT));
  }

  @ServiceChecks('projectRemit')
  @Mutation(() => ProjectType, {
    description: 'A supervising intermediary sends a project back to draft.',
  })
  async requestProjectChanges(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
    @Args('comment') text: string,
  ): Promise<ProjectType> {
    return toProjectType(
      await this.lifecycle.transition(
        actor,
        id,
        ProjectAction.REQUEST_CHANGES,
        comment(text, true),
      ),
    );
  }

  @ServiceChecks('projectRemit')
  @Mutation(() => ProjectType, {
    description: 'A supervising intermediary publishes a project in review.',
  })
  async publishProject(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
    @Args('comment', { nullable: true }) text?: string,
  ): Promise<ProjectType> {
    return toProjectType(
      await this.lifecycle.transition(actor, id, ProjectAction.PUBLISH, comment(text, false)),
    );
  }

  @ServiceChecks('projectSupervisor')
  @Mutation(() => ProjectType, { description: 'Close a published project early.' })
  async closeProject(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
    @Args('reason', { nullable: true }) reason?: string,
  ): Promise<ProjectType> {
    return toProjectType(
      await this.lifecycle.transition(
        actor,
        id,
        ProjectAction.CLOSE,
        comment(reason, false, 'reason'),
      ),
    );
  }

  @ServiceChecks('projectSupervisor')
  @Mutation(() => ProjectType, { description: 'Archive a closed project or discard a draft.' })
  async archiveProject(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
  ): Promise<ProjectType> {
    return toProjectType(await this.lifecycle.transition(actor, id, ProjectAction.ARCHIVE));
  }

  @ServiceChecks('projectSupervisor')
  @Mutation(() => ProjectType, {
    description: 'Run a published project longer (and optionally raise capacity).',
  })
  async extendProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: ExtendProjectInput,
  ): Promise<ProjectType> {
    return toProjectType(
      // Omitted endDate keeps the current one; only an explicit null makes the project ongoing.
      await this.lifecycle.extend(actor, input.projectId, input.endDate, input.capacity),
    );
  }

  @ServiceChecks('projectSupervisor')
  @Mutation(() => ProjectType, { description: 'A review remark, kept in the audit trail.' })
  async commentOnProject(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
    @Args('comment') text: string,
  ): Promise<ProjectType> {
    return toProjectType(await this.lifecycle.comment(actor, id, comment(text, true)!));
  }

  @AsParent()
  @ResolveField(() => ThemeType)
  async theme(
    @Parent() project: ProjectType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ThemeType> {
    return toThemeType((await loaders.theme.load(project.themeCode))!);
  }

  @AsParent()
  @ResolveField(() => OrganizationType)
  async region(
    @Parent() project: ProjectType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<OrganizationType> {
    return toOrganizationType((await loaders.organization.load(project.regionOrganizationId))!);
  }

  @AsParent()
  @ResolveField(() => ProgramType, { nullable: true })
  async program(
    @Parent() project: ProjectType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ProgramType | null> {
    if (!project.programId) return null;
    const program = await loaders.program.load(project.programId);
    return program && toProgramType(program);
  }

  @AsParent()
  @ResolveField(() => [OrganizationType], {
    description: 'The intermediaries whose remit covers the place: they supervise the project',
  })
  async supervisingIntermediaries(
    @Parent() project: ProjectType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<OrganizationType[]> {
    return (await loaders.supervisors.load(project.id)).map(toOrganizationType);
  }

  @AsParent()
  @ResolveField(() => [RequiredSkillType], { description: 'Must-haves first, then by weight' })
  async requiredSkills(
    @Parent() project: ProjectType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<RequiredSkillType[]> {
    return (await loaders.requiredSkills.load(project.id)).map(toRequiredSkillType);
  }

  @AsParent()
  @ResolveField(() => PlaceType)
  place(@Parent() project: ProjectType): PlaceType {
    return toPlaceType(project.municipalityCode);
  }
}
