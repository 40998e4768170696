import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection } from '@tsunagu/core';
import {
  ApplyForCouncilMembershipInput,
  CouncilApplicationsArgs,
  CouncilMembershipConnection,
  CouncilMembershipService,
  CouncilMembershipType,
} from '@tsunagu/council';
import { Actor } from '@tsunagu/identity';
import { Allow, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

const ID_ARG = { type: () => ID };

// Council membership: applications by organisations, decisions by platform admins.
@Resolver(() => CouncilMembershipType)
export class CouncilMembershipResolver {
  constructor(private readonly memberships: CouncilMembershipService) {}

  @ServiceChecks('councilRepresentative')
  @Mutation(() => CouncilMembershipType, {
    description:
      'Applies for council membership (again, after a rejection or a withdrawal); the platform ' +
      "admins hear of it. The organisation's staff (not the platform's).",
  })
  applyForCouncilMembership(
    @CurrentActor() actor: Actor,
    @Args('organizationId', ID_ARG) organizationId: string,
    @Args('input') input: ApplyForCouncilMembershipInput,
  ): Promise<CouncilMembershipType> {
    return this.memberships.apply(actor, organizationId, input);
  }

  @ServiceChecks('councilRepresentative')
  @Mutation(() => CouncilMembershipType, {
    description: "Withdraws a pending application or leaves the council. The organisation's staff.",
  })
  withdrawCouncilMembership(
    @CurrentActor() actor: Actor,
    @Args('organizationId', ID_ARG) organizationId: string,
  ): Promise<CouncilMembershipType> {
    return this.memberships.withdraw(actor, organizationId);
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => CouncilMembershipType, {
    description:
      'Approves or rejects a pending application (a rejection needs a reason); the ' +
      "organisation's staff hear of it. Platform admins.",
  })
  decideCouncilMembership(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
    @Args('approve') approve: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<CouncilMembershipType> {
    return this.memberships.decide(actor, id, approve, reason);
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Query(() => CouncilMembershipConnection, {
    description:
      'Council applications in one status (pending by default), latest first. Platform admins.',
  })
  councilMembershipApplications(
    @CurrentActor() actor: Actor,
    @Args() args: CouncilApplicationsArgs,
  ): Promise<Connection<CouncilMembershipType>> {
    return this.memberships.applications(actor, args.status, args);
  }

  @ServiceChecks('organizationMember')
  @Query(() => CouncilMembershipType, {
    nullable: true,
    description:
      "An organisation's council membership, null if it never applied. Its members, or platform admins.",
  })
  councilMembership(
    @CurrentActor() actor: Actor,
    @Args('organizationId', ID_ARG) organizationId: string,
  ): Promise<CouncilMembershipType | null> {
    return this.memberships.ofOrganization(actor, organizationId);
  }
}
