import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@tsunagu/identity';
import {
  ParticipantProfileInput,
  ParticipantProfileService,
  ParticipantProfileType,
  toParticipantProfileType,
} from '@tsunagu/participants';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class ParticipantResolver {
  constructor(private readonly profiles: ParticipantProfileService) {}

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
}
