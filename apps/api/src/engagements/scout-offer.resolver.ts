import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection } from '@tsunagu/core';
import {
  MyScoutOffersArgs,
  ProjectScoutOffersArgs,
  RespondToScoutOfferInput,
  ScoutOfferConnection,
  ScoutOfferService,
  ScoutOfferType,
  SendScoutOfferInput,
  toScoutOfferType,
} from '@tsunagu/engagements';
import { Actor } from '@tsunagu/identity';
import { Allow, Authenticated, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => ScoutOfferType)
export class ScoutOfferResolver {
  constructor(private readonly offers: ScoutOfferService) {}

  @Allow([Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'scouting')
  @Mutation(() => ScoutOfferType, {
    description:
      'Invite a participant to a published project, as its region or an intermediary covering its place. Per project: at most 20 offers awaiting an answer and 50 sent in any 7 days.',
  })
  async sendScoutOffer(
    @CurrentActor() actor: Actor,
    @Args('input') input: SendScoutOfferInput,
  ): Promise<ScoutOfferType> {
    return toScoutOfferType(await this.offers.send(actor, input));
  }

  @ServiceChecks('scoutOfferParty')
  @Mutation(() => ScoutOfferType, {
    description: 'Answer an offer addressed to you before it expires; ACCEPT applies you.',
  })
  async respondToScoutOffer(
    @CurrentActor() actor: Actor,
    @Args('input') input: RespondToScoutOfferInput,
  ): Promise<ScoutOfferType> {
    return toScoutOfferType(
      await this.offers.respond(actor, input.offerId, input.response, input.note),
    );
  }

  @ServiceChecks('scoutOfferParty')
  @Mutation(() => ScoutOfferType, {
    description: 'Take back a pending offer your organisation sent.',
  })
  async withdrawScoutOffer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ScoutOfferType> {
    return toScoutOfferType(await this.offers.withdraw(actor, id));
  }

  @Authenticated()
  @Query(() => ScoutOfferConnection, { description: 'Offers addressed to you, newest first.' })
  async myScoutOffers(
    @CurrentActor() actor: Actor,
    @Args() args: MyScoutOffersArgs,
  ): Promise<Connection<ScoutOfferType>> {
    return mapConnection(await this.offers.mine(actor, args.status, args), (offer) =>
      toScoutOfferType(offer),
    );
  }

  @ServiceChecks('projectSupervisor')
  @Query(() => ScoutOfferConnection, {
    description: "For the project's region and supervising intermediaries, newest first.",
  })
  async projectScoutOffers(
    @CurrentActor() actor: Actor,
    @Args() args: ProjectScoutOffersArgs,
  ): Promise<Connection<ScoutOfferType>> {
    return mapConnection(
      await this.offers.forProject(actor, args.projectId, args.status, args),
      (offer) => toScoutOfferType(offer),
    );
  }
}
