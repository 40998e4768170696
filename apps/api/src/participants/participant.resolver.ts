import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  ParticipantCardConnection,
  ParticipantCardType,
  ParticipantProfileInput,
  ParticipantProfileService,
  ParticipantProfileType,
  SearchParticipantsArgs,
  toParticipantCard,
  toParticipantProfileType,
} from '@tsunagu/participants';
import { Allow, Authenticated, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class ParticipantResolver {
  constructor(private readonly profiles: ParticipantProfileService) {}

  @Authenticated()
  @Query(() => ParticipantProfileType, { nullable: true })
  async myParticipantProfile(@CurrentActor() actor: Actor): Promise<ParticipantProfileType | null> {
    const view = await this.profiles.findView(actor.userId);
    return view && toParticipantProfileType(view);
  }

  @Authenticated()
  @Mutation(() => ParticipantProfileType, {
    description: 'Create or replace your participant profile: fields left out take their defaults.',
  })
  async saveMyParticipantProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: ParticipantProfileInput,
  ): Promise<ParticipantProfileType> {
    return toParticipantProfileType(await this.profiles.upsert(actor.userId, input));
  }

  @Allow([Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'profileVisibility')
  @Query(() => ParticipantCardConnection, {
    description:
      'Intermediaries (profiles open to intermediaries) and region staff (profiles open to ' +
      'regions) search participants, most recently updated first.',
  })
  async searchParticipants(
    @CurrentActor() actor: Actor,
    @Args() args: SearchParticipantsArgs,
  ): Promise<Connection<ParticipantCardType>> {
    return mapConnection(
      await this.profiles.search(actor, args.filter ?? {}, args),
      toParticipantCard,
    );
  }

  @Allow([Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'profileVisibility')
  @Query(() => ParticipantCardType, {
    description: 'A participant, for the viewers searchParticipants allows.',
  })
  async participantProfile(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<ParticipantCardType> {
    return toParticipantCard(await this.profiles.getVisible(actor, userId));
  }
}
