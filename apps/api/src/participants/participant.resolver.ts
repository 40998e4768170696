import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  ApplicationConnection,
  ApplicationService,
  ApplicationType,
  ApplyToProjectInput,
  ParticipantProfileInput,
  ParticipantProfileService,
  ParticipantProfileType,
  ProjectApplicationsArgs,
  toApplicationType,
  toParticipantProfileType,
} from '@tsunagu/participants';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class ParticipantResolver {
  constructor(
    private readonly profiles: ParticipantProfileService,
    private readonly applications: ApplicationService,
  ) {}

  @Query(() => ParticipantProfileType, { nullable: true })
  async myParticipantProfile(@CurrentActor() actor: Actor): Promise<ParticipantProfileType | null> {
    const profile = await this.profiles.find(actor.userId);
    return profile && toParticipantProfileType(profile);
  }

  @Mutation(() => ParticipantProfileType, {
    description: 'Create or update your participant profile.',
  })
  async saveMyParticipantProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: ParticipantProfileInput,
  ): Promise<ParticipantProfileType> {
    return toParticipantProfileType(await this.profiles.upsert(actor.userId, input));
  }

  @Mutation(() => ApplicationType, { description: 'Apply to a published project (once).' })
  async applyToProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApplyToProjectInput,
  ): Promise<ApplicationType> {
    return toApplicationType(
      await this.applications.apply(actor, input.projectId, input.motivation),
    );
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
