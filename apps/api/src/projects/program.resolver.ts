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
import { Actor, OrganizationKind, OrganizationType } from '@tsunagu/identity';
import {
  CreateProgramInput,
  ProgramService,
  ProgramType,
  SetProgramStaleAfterDaysArgs,
  toProgramType,
} from '@tsunagu/projects';
import { Allow, AsParent, Public, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

@Resolver(() => ProgramType)
export class ProgramResolver {
  constructor(private readonly programService: ProgramService) {}

  @Public()
  @Query(() => [ProgramType], { description: "An intermediary's programs." })
  async programs(
    @Args('intermediaryOrganizationId', { type: () => ID }) organizationId: string,
  ): Promise<ProgramType[]> {
    return (await this.programService.listFor(organizationId)).map(toProgramType);
  }

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'programStaff')
  @Mutation(() => ProgramType, {
    description:
      'Days without a check-in before an engagement of the program is stale (null: the default).',
  })
  async setProgramStaleAfterDays(
    @CurrentActor() actor: Actor,
    @Args() { programId, days }: SetProgramStaleAfterDaysArgs,
  ): Promise<ProgramType> {
    return toProgramType(
      await this.programService.setStaleAfterDays(actor, programId, days ?? null),
    );
  }

  @Allow([Role.INTERMEDIARY_STAFF, Role.PLATFORM_ADMIN], 'programStaff')
  @Mutation(() => ProgramType, { description: "The intermediary's staff create its programs." })
  async createProgram(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProgramInput,
  ): Promise<ProgramType> {
    return toProgramType(await this.programService.create(actor, input));
  }
}

// An intermediary's programs as a field of the organisation, so a list of intermediaries (those
// covering a region) brings its programs in one batch. Public, as `programs` is.
@Resolver(() => OrganizationType)
export class OrganizationProgramsResolver {
  @AsParent()
  @ResolveField(() => [ProgramType], {
    description: 'Intermediaries only (empty for others): its programs, the oldest first.',
  })
  async programs(
    @Parent() org: OrganizationType,
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<ProgramType[]> {
    if (org.kind !== OrganizationKind.INTERMEDIARY) return [];
    return (await loaders.programsOf.load(org.id)).map(toProgramType);
  }
}
