import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '@tsunagu/identity';
import {
  AddSkillAliasesInput,
  CreateSkillCategoryInput,
  CreateSkillInput,
  ResolveSkillArgs,
  SkillAdminService,
  SkillCategoryType,
  SkillsArgs,
  SkillService,
  SkillType,
  toSkillCategoryType,
  toSkillType,
  UpdateSkillInput,
} from '@tsunagu/taxonomy';
import { Allow, Public, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver(() => SkillType)
export class SkillResolver {
  constructor(
    private readonly skillService: SkillService,
    private readonly skillAdmin: SkillAdminService,
  ) {}

  @Public()
  @Query(() => [SkillCategoryType], { description: 'Skill categories, in display order.' })
  async skillCategories(): Promise<SkillCategoryType[]> {
    return (await this.skillService.listCategories()).map(toSkillCategoryType);
  }

  @Public()
  @Query(() => [SkillType], {
    description:
      'Taxonomy skills, optionally of one category and/or matching a text (for pickers and autocomplete).',
  })
  async skills(@Args() args: SkillsArgs): Promise<SkillType[]> {
    const { categoryCode, query, first } = args;
    return (await this.skillService.search({ categoryCode, query }, first)).map(toSkillType);
  }

  @Public()
  @Query(() => SkillType, {
    nullable: true,
    description: 'The skill a name stands for in any spelling, or null if none does.',
  })
  async resolveSkill(@Args() args: ResolveSkillArgs): Promise<SkillType | null> {
    const skill = await this.skillService.resolveSkillName(args.name);
    return skill && toSkillType(skill);
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => SkillCategoryType, { description: 'Platform admins only.' })
  async createSkillCategory(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateSkillCategoryInput,
  ): Promise<SkillCategoryType> {
    return toSkillCategoryType(await this.skillAdmin.createSkillCategory(actor, input));
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => SkillType, {
    description: 'Platform admins only. Every alias must be new to the taxonomy.',
  })
  async createSkill(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateSkillInput,
  ): Promise<SkillType> {
    return toSkillType(await this.skillAdmin.createSkill(actor, input));
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => SkillType, {
    description: 'Platform admins only. Names the skill already answers to are skipped.',
  })
  async addSkillAliases(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddSkillAliasesInput,
  ): Promise<SkillType> {
    return toSkillType(await this.skillAdmin.addSkillAliases(actor, input.skillId, input.aliases));
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => SkillType, {
    description: 'Platform admins only. Renamed skills keep answering to their old names.',
  })
  async updateSkill(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateSkillInput,
  ): Promise<SkillType> {
    return toSkillType(await this.skillAdmin.updateSkill(actor, input));
  }
}
