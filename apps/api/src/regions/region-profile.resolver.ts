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
import { EngagementRelationshipService } from '@tsunagu/engagements';
import { Actor, OrganizationType, toOrganizationType } from '@tsunagu/identity';
import { ProjectSearchService, ProjectType, toProjectType } from '@tsunagu/projects';
import {
  ImportRegionPopulationInput,
  PopulationProjectionType,
  RegionPopulationInput,
  RegionProfileService,
  RegionProfileType,
  RegionProjectionArgs,
  RegionRelationshipSummaryType,
  UpdateRegionProfileInput,
} from '@tsunagu/regions';
import { Allow, AsParent, Public, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

@Resolver(() => RegionProfileType)
export class RegionProfileResolver {
  constructor(
    private readonly profiles: RegionProfileService,
    private readonly projectSearch: ProjectSearchService,
    private readonly relationshipService: EngagementRelationshipService,
  ) {}

  @Public()
  @Query(() => RegionProfileType, { description: "A region's public page. Anyone." })
  regionProfile(
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<RegionProfileType> {
    return this.profiles.profile(organizationId);
  }

  @Public()
  @Query(() => PopulationProjectionType, {
    nullable: true,
    description:
      "The region's population 30 years on (cohort-component, every 5 years) and the " +
      'households a year that would keep it, or its children, stable. Null until the region ' +
      'gives its population. Anyone.',
  })
  regionPopulationProjection(
    @Args() { organizationId, parameters }: RegionProjectionArgs,
  ): Promise<PopulationProjectionType | null> {
    return this.profiles.projection(organizationId, parameters ?? {});
  }

  @Allow([Role.PLATFORM_ADMIN, Role.REGION_STAFF], 'regionOwnStaff')
  @Mutation(() => RegionProfileType, { description: "The region's own staff, or platform admins." })
  updateRegionProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateRegionProfileInput,
  ): Promise<RegionProfileType> {
    return this.profiles.updateProfile(actor, input);
  }

  @Allow([Role.PLATFORM_ADMIN, Role.REGION_STAFF], 'regionOwnStaff')
  @Mutation(() => RegionProfileType, {
    description: "Replaces the region's population. The region's own staff, or platform admins.",
  })
  saveRegionPopulation(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegionPopulationInput,
  ): Promise<RegionProfileType> {
    return this.profiles.savePopulation(actor, input);
  }

  @Allow([Role.PLATFORM_ADMIN, Role.REGION_STAFF], 'regionOwnStaff')
  @Mutation(() => RegionProfileType, {
    description:
      "Replaces the region's population from a census-shaped CSV; nothing is saved when a line " +
      "is bad. The region's own staff, or platform admins.",
  })
  importRegionPopulationCsv(
    @CurrentActor() actor: Actor,
    @Args('input') input: ImportRegionPopulationInput,
  ): Promise<RegionProfileType> {
    return this.profiles.importPopulationCsv(actor, input);
  }

  @AsParent()
  @ResolveField(() => OrganizationType)
  async organization(
    @Parent() profile: RegionProfileType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<OrganizationType> {
    return toOrganizationType((await loaders.organization.load(profile.organizationId))!);
  }

  @AsParent()
  @ResolveField(() => [ProjectType], {
    description: 'Open projects, then closed ones, newest first (at most 50)',
  })
  async projects(@Parent() profile: RegionProfileType): Promise<ProjectType[]> {
    return (await this.projectSearch.publicOfRegion(profile.organizationId)).map(toProjectType);
  }

  @AsParent()
  @ResolveField(() => [OrganizationType], {
    description: "The intermediaries whose remit covers the region's municipality",
  })
  async supervisingIntermediaries(
    @Parent() profile: RegionProfileType,
  ): Promise<OrganizationType[]> {
    const region = await this.profiles.region(profile.organizationId);
    return (await this.profiles.supervisingIntermediaries(region)).map(toOrganizationType);
  }

  @AsParent()
  @ResolveField(() => RegionRelationshipSummaryType)
  relationships(@Parent() profile: RegionProfileType): Promise<RegionRelationshipSummaryType> {
    return this.relationshipService.regionSummary(profile.organizationId);
  }
}
