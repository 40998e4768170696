import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, MeType, MySettingsInput, UserService } from '@tsunagu/identity';
import { Authenticated } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => MeType)
export class MeResolver {
  constructor(private readonly users: UserService) {}

  @Authenticated()
  @Query(() => MeType, { description: 'The signed-in person, with their memberships.' })
  me(@CurrentActor() actor: Actor): Promise<MeType> {
    return this.users.me(actor.userId);
  }

  @Authenticated()
  @Mutation(() => MeType, {
    description:
      'Your language (messages and e-mails) and time zone (when your daily digest goes out, and the times in it).',
  })
  async updateMySettings(
    @CurrentActor() actor: Actor,
    @Args('input') input: MySettingsInput,
  ): Promise<MeType> {
    await this.users.updateSettings(actor.userId, input);
    return this.users.me(actor.userId);
  }
}
