import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { MatchFactorType } from '@tsunagu/scoring';
import { PageArgs, Paginated, RequiredText } from '@tsunagu/core';
import {
  MunicipalityType,
  OrganizationKind,
  OrganizationType,
  PrefectureType,
} from '@tsunagu/identity';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CouncilTag } from './council-tags';

export const PROFILE_LIMITS = {
  introduction: 2000,
  text: 1000,
  website: 500,
  themes: 10,
  tags: 8,
  search: 100,
} as const;

// What a member shows of itself: in the directory, and to its own staff on its membership.
@ObjectType({ isAbstract: true })
export abstract class CouncilProfileFields {
  @Field(() => PrefectureType, { nullable: true })
  prefecture!: PrefectureType | null;

  @Field(() => MunicipalityType, { nullable: true })
  municipality!: MunicipalityType | null;

  @Field(() => [String], { description: 'Theme codes, see the themes query' })
  themeCodes!: string[];

  @Field({ description: 'Who the organisation is and what it does, in Japanese' })
  introductionJa!: string;

  @Field(() => String, { nullable: true })
  introductionEn!: string | null;

  @Field(() => [CouncilTag], { description: 'What it offers other members' })
  offerTags!: CouncilTag[];

  @Field(() => String, { nullable: true, description: 'What it offers, in its own words' })
  offerText!: string | null;

  @Field(() => [CouncilTag], { description: 'What it seeks from other members' })
  seekTags!: CouncilTag[];

  @Field(() => String, { nullable: true, description: 'What it seeks, in its own words' })
  seekText!: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) address of its website' })
  website!: string | null;
}

@ObjectType('CouncilMember', { description: "An approved council member's public profile" })
export class CouncilMemberType extends CouncilProfileFields {
  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field({ description: 'When its membership was approved' })
  memberSince!: Date;
}

export const CouncilMemberConnection = Paginated(CouncilMemberType);

@InputType()
export class CouncilMemberFilter {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'A 2-digit prefecture code' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit prefecture code' })
  prefectureCode?: string;

  @Field(() => String, { nullable: true, description: 'A theme code' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  themeCode?: string;

  @Field(() => CouncilTag, { nullable: true, description: 'Members offering this' })
  @IsOptional()
  @IsEnum(CouncilTag)
  offers?: CouncilTag;

  @Field(() => CouncilTag, { nullable: true, description: 'Members seeking this' })
  @IsOptional()
  @IsEnum(CouncilTag)
  seeks?: CouncilTag;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the name, introduction, offers or needs, any case',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.search)
  text?: string;
}

@ArgsType()
export class CouncilMembersArgs extends PageArgs {
  @Field(() => CouncilMemberFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CouncilMemberFilter)
  filter?: CouncilMemberFilter;
}

const CouncilTags = () =>
  applyDecorators(
    ArrayMaxSize(PROFILE_LIMITS.tags),
    ArrayUnique({ message: 'must not repeat a tag' }),
    IsEnum(CouncilTag, { each: true }),
  );

@InputType()
export class CouncilProfileInput {
  @Field({ description: 'Who the organisation is and what it does, in Japanese' })
  @RequiredText(PROFILE_LIMITS.introduction)
  introductionJa!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.introduction)
  introductionEn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Where it works (its municipality); a region's is its own municipality",
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit municipality code' })
  municipalityCode?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(PROFILE_LIMITS.themes)
  @ArrayUnique({ message: 'must not repeat a theme' })
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  themeCodes: string[] = [];

  @Field(() => [CouncilTag], { defaultValue: [] })
  @CouncilTags()
  offerTags: CouncilTag[] = [];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.text)
  offerText?: string | null;

  @Field(() => [CouncilTag], { defaultValue: [] })
  @CouncilTags()
  seekTags: CouncilTag[] = [];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.text)
  seekText?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) address of its website' })
  @IsOptional()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'must be an http(s) address' },
  )
  @MaxLength(PROFILE_LIMITS.website)
  website?: string | null;
}

@InputType()
export class ContactCouncilMemberInput {
  @Field(() => ID, { description: 'The member organisation written to' })
  @IsString()
  toOrganizationId!: string;

  @Field(() => ID, { description: 'Your member organisation, on whose behalf you write' })
  @IsString()
  fromOrganizationId!: string;

  @Field({ description: 'The message; your e-mail address is not shared' })
  @RequiredText(PROFILE_LIMITS.text)
  message!: string;
}

@ObjectType('CouncilContact', { description: 'A message sent to a member through the platform' })
export class CouncilContactType {
  @Field(() => ID)
  id!: string;

  @Field()
  sentAt!: Date;
}

@ObjectType('CouncilPartnerSuggestion', {
  description: 'A member another member could work with, and why, both ways',
})
export class CouncilPartnerSuggestionType {
  @Field(() => CouncilMemberType)
  member!: CouncilMemberType;

  @Field(() => Float, { description: 'In [0, 1]' })
  score!: number;

  @Field(() => [CouncilTag], { description: 'What you seek that they offer' })
  theyOffer!: CouncilTag[];

  @Field(() => [CouncilTag], { description: 'What they seek that you offer' })
  youOffer!: CouncilTag[];

  @Field(() => [MatchFactorType])
  factors!: MatchFactorType[];
}

@ArgsType()
export class CouncilPartnerSuggestionsArgs {
  @Field(() => ID)
  @IsString()
  organizationId!: string;

  @Field(() => Int, { defaultValue: 10, description: '1 to 50' })
  @IsInt()
  @Min(1)
  @Max(50)
  first = 10;
}
