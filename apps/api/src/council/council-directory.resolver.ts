import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection } from '@tsunagu/core';
import {
  ContactCouncilMemberInput,
  CouncilContactType,
  CouncilDirectoryService,
  CouncilMemberConnection,
  CouncilMembersArgs,
  CouncilPartnersService,
  CouncilPartnerSuggestionsArgs,
  CouncilPartnerSuggestionType,
  CouncilMembershipService,
  CouncilMembershipType,
  CouncilMemberType,
  CouncilProfileInput,
} from '@tsunagu/council';
import { Actor } from '@tsunagu/identity';
import { Public, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

const ID_ARG = { type: () => ID };

// The council's member directory, members' profiles and contact between members.
@Resolver(() => CouncilMemberType)
export class CouncilDirectoryResolver {
  constructor(
    private readonly directory: CouncilDirectoryService,
    private readonly memberships: CouncilMembershipService,
    private readonly partners: CouncilPartnersService,
  ) {}

  @Public()
  @Query(() => CouncilMemberConnection, {
    description:
      'Approved council members, latest first; by kind, prefecture, theme, what they offer or seek, and words. Anyone.',
  })
  councilMembers(@Args() args: CouncilMembersArgs): Promise<Connection<CouncilMemberType>> {
    return this.directory.members(args.filter ?? {}, args);
  }

  @Public()
  @Query(() => CouncilMemberType, { description: "An approved member's profile. Anyone." })
  councilMember(
    @Args('organizationId', ID_ARG) organizationId: string,
  ): Promise<CouncilMemberType> {
    return this.directory.member(organizationId);
  }

  @ServiceChecks('councilRepresentative')
  @Mutation(() => CouncilMembershipType, {
    description:
      "Replaces the organisation's council profile, while it applies or is a member. Its staff.",
  })
  async updateCouncilProfile(
    @CurrentActor() actor: Actor,
    @Args('organizationId', ID_ARG) organizationId: string,
    @Args('input') input: CouncilProfileInput,
  ): Promise<CouncilMembershipType> {
    await this.directory.updateProfile(actor, organizationId, input);
    return (await this.memberships.ofOrganization(actor, organizationId))!;
  }

  @ServiceChecks('councilRepresentative')
  @Mutation(() => CouncilContactType, {
    description:
      "Writes to a member on behalf of your member organisation; its staff get it by notification and e-mail, and no one's address is shown. A few a day. Staff of members.",
  })
  contactCouncilMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: ContactCouncilMemberInput,
  ): Promise<CouncilContactType> {
    return this.directory.contact(actor, input);
  }

  @ServiceChecks('organizationMember')
  @Query(() => [CouncilPartnerSuggestionType], {
    description:
      'Members an approved member could work with, best first: what each offers that the other seeks, both ways, shared themes, distance and kinds, explained. Its members, or platform admins.',
  })
  councilPartnerSuggestions(
    @CurrentActor() actor: Actor,
    @Args() args: CouncilPartnerSuggestionsArgs,
  ): Promise<CouncilPartnerSuggestionType[]> {
    return this.partners.suggestions(actor, args.organizationId, args.first);
  }
}
