import { Query, Resolver } from '@nestjs/graphql';
import {
  Actor,
  MeType,
  OrganizationService,
  toOrganizationType,
  UserService,
} from '@tsunagu/identity';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => MeType)
export class MeResolver {
  constructor(
    private readonly users: UserService,
    private readonly organizations: OrganizationService,
  ) {}

  @Query(() => MeType, { description: 'The signed-in person, with their memberships.' })
  async me(@CurrentActor() actor: Actor): Promise<MeType> {
    const [user, memberships] = await Promise.all([
      this.users.get(actor.userId),
      this.organizations.membershipsOf(actor.userId),
    ]);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      memberships: memberships.map((m) => ({
        organization: toOrganizationType(m.organization!),
        role: m.role,
      })),
    };
  }
}
