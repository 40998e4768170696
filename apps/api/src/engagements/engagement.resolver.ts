import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ApplicationType,
  EngagementContactsType,
  EngagementEventType,
  EngagementService,
  toApplicationType,
  toEngagementContactsType,
  toEngagementEventType,
  TransitionEngagementInput,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class EngagementResolver {
  constructor(private readonly engagements: EngagementService) {}

  @Mutation(() => ApplicationType, {
    description:
      'Move an engagement on: interview, accept or decline (region), approve with terms ' +
      '(intermediary), start, complete, withdraw (participant) or cancel — with a reason to end one.',
  })
  async transitionEngagement(
    @CurrentActor() actor: Actor,
    @Args('input') input: TransitionEngagementInput,
  ): Promise<ApplicationType> {
    return toApplicationType(
      await this.engagements.transition(actor, { ...input, engagementId: input.applicationId }),
    );
  }

  @Query(() => [EngagementEventType], { description: "An engagement's audit trail, oldest first." })
  async engagementHistory(
    @CurrentActor() actor: Actor,
    @Args('applicationId', { type: () => ID }) applicationId: string,
  ): Promise<EngagementEventType[]> {
    return (await this.engagements.history(actor, applicationId)).map(toEngagementEventType);
  }

  @Query(() => EngagementContactsType, {
    description: 'Participant and region contact details, from approval on.',
  })
  async engagementContacts(
    @CurrentActor() actor: Actor,
    @Args('applicationId', { type: () => ID }) applicationId: string,
  ): Promise<EngagementContactsType> {
    return toEngagementContactsType(await this.engagements.contacts(actor, applicationId));
  }
}
