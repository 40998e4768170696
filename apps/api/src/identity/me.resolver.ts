import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Actor,
  MeType,
  MySettingsInput,
  OrganizationService,
  toOrganizationType,
  UserService,
} from '@tsunagu/identity';
import { Authenticated } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => MeType)
export class MeResolver {
  constructor(
    private readonly users: UserService,
    private readonly organizations: OrganizationService,
  ) {}

  @Authenticated()
  @Query(() => MeType, { description: 'The signed-in person, with their memberships.' })
  me(@CurrentActor() actor: Actor): Promise<MeType> {
    return this.meOf(actor.userId);
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
    return this.meOf(actor.userId);
  }

  private async meOf(userId: string): Promise<MeType> {
    const [user, memberships] = await Promise.all([
      this.users.get(userId),
      this.organizations.membershipsOf(userId),
    ]);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      timeZone: user.timeZone,
      emailVerified: user.emailVerifiedAt !== null,
      memberships: memberships.map((m) => ({
        organization: toOrganizationType(m.organization!),
        role: m.role,
      })),
    };
  }
}
