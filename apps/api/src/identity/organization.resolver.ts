import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  Actor,
  AddMemberInput,
  CreateOrganizationInput,
  MembershipType,
  OrganizationConnection,
  OrganizationKind,
  OrganizationMemberType,
  OrganizationsArgs,
  OrganizationService,
  OrganizationType,
  RemitType,
  RemoveMemberInput,
  SetRemitInput,
  toOrganizationType,
  toMunicipalityType,
  toPrefectureType,
} from '@tsunagu/identity';
import { Connection, mapConnection } from '@tsunagu/core';
import { Allow, AsParent, Public, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  constructor(private readonly orgs: OrganizationService) {}

  @Public()
  @Query(() => OrganizationType)
  async organization(@Args('id', { type: () => ID }) id: string): Promise<OrganizationType> {
    return toOrganizationType(await this.orgs.get(id));
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Query(() => OrganizationConnection, {
    description: 'Every organisation, newest first, by name and kind. Platform admins only.',
  })
  async organizations(
    @CurrentActor() actor: Actor,
    @Args() args: OrganizationsArgs,
  ): Promise<Connection<OrganizationType>> {
    const { query, kind, first, after } = args;
    return mapConnection(
      await this.orgs.list(actor, { query, kind }, { first, after }),
      toOrganizationType,
    );
  }

  @ServiceChecks('organizationMember')
  @Query(() => [OrganizationMemberType], {
    description:
      "An organisation's members, owners first. Its members or platform admins; e-mail addresses only for its owners and platform admins.",
  })
  organizationMembers(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<OrganizationMemberType[]> {
    return this.orgs.members(actor, organizationId);
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => OrganizationType, { description: 'Platform admins only.' })
  async createOrganization(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<OrganizationType> {
    return toOrganizationType(await this.orgs.create(actor, input));
  }

  @ServiceChecks('organizationOwner')
  @Mutation(() => MembershipType, { description: "The organisation's owners or platform admins." })
  async addOrganizationMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddMemberInput,
  ): Promise<MembershipType> {
    const membership = await this.orgs.addMember(
      actor,
      input.organizationId,
      input.email,
      input.role,
    );
    return {
      organization: toOrganizationType(await this.orgs.get(membership.organizationId)),
      role: membership.role,
    };
  }

  @ServiceChecks('organizationOwner')
  @Mutation(() => OrganizationType, {
    description:
      'Take someone off the organisation. Its owners or platform admins; it keeps at least one owner (CONFLICT LAST_OWNER).',
  })
  async removeOrganizationMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: RemoveMemberInput,
  ): Promise<OrganizationType> {
    return toOrganizationType(
      await this.orgs.removeMember(actor, input.organizationId, input.userId),
    );
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => OrganizationType, {
    description: "Replace an intermediary's remit. Platform admins only.",
  })
  async setRemit(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetRemitInput,
  ): Promise<OrganizationType> {
    return toOrganizationType(await this.orgs.setRemit(actor, input.organizationId, input));
  }

  // Public as the organisation is: which intermediaries cover a place is what a project's page
  // shows too (supervisingIntermediaries).
  @AsParent()
  @ResolveField(() => [OrganizationType], {
    description:
      'Regions only (empty for others): the intermediaries whose remit covers its place, by name.',
  })
  async coveringIntermediaries(
    @Parent() org: OrganizationType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<OrganizationType[]> {
    if (org.kind !== OrganizationKind.REGION) return [];
    return (await loaders.coveringIntermediaries.load(org.id)).map(toOrganizationType);
  }

  @AsParent()
  @ResolveField(() => RemitType, {
    nullable: true,
    description: 'Intermediaries only: the areas they cover.',
  })
  async remit(
    @Parent() org: OrganizationType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<RemitType | null> {
    if (org.kind !== OrganizationKind.INTERMEDIARY) return null;
    const areas = await loaders.remit.load(org.id);
    return {
      prefectures: areas.flatMap((a) =>
        a.prefectureCode ? [toPrefectureType(a.prefectureCode)!] : [],
      ),
      municipalities: areas.flatMap((a) =>
        a.municipalityCode ? [toMunicipalityType(a.municipalityCode)!] : [],
      ),
    };
  }
}
