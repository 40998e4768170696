import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  EngagementArgs,
  EngagementType,
  EngagementContactsType,
  EngagementEventType,
  EngagementService,
  toEngagementType,
  toEngagementContactsType,
  toEngagementEventType,
  TransitionEngagementInput,
  EngagementReferenceArgs,
  engagementIdOf,
  withEngagementId,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class EngagementResolver {
  constructor(private readonly engagements: EngagementService) {}

  @ServiceChecks('engagementParty')
  @Mutation(() => EngagementType, {
    description:
      'Move an engagement on: interview, accept or decline (region), approve with terms ' +
      '(intermediary), start, complete, withdraw (participant) or cancel — with a reason to end one.',
  })
  async transitionEngagement(
    @CurrentActor() actor: Actor,
    @Args('input') input: TransitionEngagementInput,
  ): Promise<EngagementType> {
    return toEngagementType(await this.engagements.transition(actor, withEngagementId(input)));
  }

  @ServiceChecks('engagementReader')
  @Query(() => EngagementType, {
    description:
      'One engagement, with what may happen next: for its participant, region and supervising ' +
      'intermediaries, and platform admins. NOT_FOUND for anyone else.',
  })
  async engagement(
    @CurrentActor() actor: Actor,
    @Args() args: EngagementArgs,
  ): Promise<EngagementType> {
    return toEngagementType(await this.engagements.get(actor, args.id));
  }

  @ServiceChecks('engagementReader')
  @Query(() => [EngagementEventType], {
    description:
      "An engagement's audit trail, oldest first: for whoever may read the engagement (its parties, and platform admins).",
  })
  async engagementHistory(
    @CurrentActor() actor: Actor,
    @Args() reference: EngagementReferenceArgs,
  ): Promise<EngagementEventType[]> {
    return (await this.engagements.history(actor, engagementIdOf(reference))).map(
      toEngagementEventType,
    );
  }

  @ServiceChecks('engagementParty')
  @Query(() => EngagementContactsType, {
    description: 'Participant and region contact details, from approval on.',
  })
  async engagementContacts(
    @CurrentActor() actor: Actor,
    @Args() reference: EngagementReferenceArgs,
  ): Promise<EngagementContactsType> {
    return toEngagementContactsType(
      await this.engagements.contacts(actor, engagementIdOf(reference)),
    );
  }
}
