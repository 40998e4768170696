import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { RequiredText } from '@tsunagu/core';

// Codes are stable identifiers clients may keep: lower-case words joined by hyphens.
const SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SLUG_MESSAGE = 'must be lower-case letters and digits joined by hyphens, e.g. "ui-design"';

@ObjectType('Theme')
export class ThemeType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  nameEn!: string;
}

@ObjectType('SkillCategory')
export class SkillCategoryType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  nameEn!: string;
}

@ObjectType('Skill')
export class SkillType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable slug, e.g. "ui-design"' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  nameEn!: string;

  @Field(() => SkillCategoryType)
  category!: SkillCategoryType;

  @Field(() => [String], {
    description: 'Every name the skill answers to, its own names first (see resolveSkill).',
  })
  aliases!: string[];
}

@ArgsType()
export class SkillsArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  categoryCode?: string;

  @Field({
    nullable: true,
    description:
      'Matches any name of a skill, ignoring width, case, spaces and ・; exact matches first, then prefixes, then the rest.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string;

  @Field(() => Int, { defaultValue: 50, description: 'At most this many skills, 1 to 200.' })
  @IsInt()
  @Min(1)
  @Max(200)
  first = 50;
}

@ArgsType()
export class ResolveSkillArgs {
  @Field({ description: 'A skill name in any spelling: デザイン, Design, ＵＩ　デザイン…' })
  @RequiredText(100)
  name!: string;
}

@InputType()
export class CreateSkillCategoryInput {
  @Field()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(50)
  code!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  nameJa!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  nameEn!: string;

  @Field(() => Int, { nullable: true, description: 'Display position; default after the last.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  sortOrder?: number;
}

@InputType()
export class CreateSkillInput {
  @Field()
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @MaxLength(80)
  code!: string;

  @Field()
  @IsString()
  @MaxLength(50)
  categoryCode!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  nameJa!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  nameEn!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Synonyms; the skill always answers to nameJa and nameEn as well.',
  })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  aliases!: string[];
}

@InputType()
export class AddSkillAliasesInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a skill id' })
  skillId!: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  aliases!: string[];
}

@InputType()
export class UpdateSkillInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a skill id' })
  id!: string;

  @Field({ nullable: true, description: 'The old name keeps resolving to the skill.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  nameJa?: string;

  @Field({ nullable: true, description: 'The old name keeps resolving to the skill.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  nameEn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  categoryCode?: string;
}
