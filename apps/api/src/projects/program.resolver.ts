import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@tsunagu/identity';
import {
  CreateProgramInput,
  ProgramService,
  ProgramType,
  SetProgramStaleAfterDaysArgs,
  toProgramType,
} from '@tsunagu/projects';
import { Allow, Public, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

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
