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
  OrganizationKind,
  OrganizationService,
  OrganizationType,
  RemitType,
  SetRemitInput,
  toOrganizationType,
  toMunicipalityType,
  toPrefectureType,
} from '@tsunagu/identity';
import { Allow, AsParent, Public, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  constructor(private readonly organizations: OrganizationService) {}

  @Public()
  @Query(() => OrganizationType)
  async organization(@Args('id', { type: () => ID }) id: string): Promise<OrganizationType> {
    return toOrganizationType(await this.organizations.get(id));
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => OrganizationType, { description: 'Platform admins only.' })
  async createOrganization(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<OrganizationType> {
    return toOrganizationType(await this.organizations.create(actor, input));
  }

  @ServiceChecks('organizationOwner')
  @Mutation(() => MembershipType, { description: "The organisation's owners or platform admins." })
  async addOrganizationMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddMemberInput,
  ): Promise<MembershipType> {
    const membership = await this.organizations.addMember(
      actor,
      input.organizationId,
      input.email,
      input.role,
    );
    return {
      organization: toOrganizationType(await this.organizations.get(membership.organizationId)),
      role: membership.role,
    };
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => OrganizationType, {
    description: "Replace an intermediary's remit. Platform admins only.",
  })
  async setRemit(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetRemitInput,
  ): Promise<OrganizationType> {
    return toOrganizationType(
      await this.organizations.setRemit(actor, input.organizationId, input),
    );
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
