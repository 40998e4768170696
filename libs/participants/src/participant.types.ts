import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDateOnly, NotBefore, PageArgs, Paginated } from '@tsunagu/core';
import { MunicipalityType, OrganizationType } from '@tsunagu/identity';
import { ThemeType } from '@tsunagu/taxonomy';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AvailableDays,
  ParticipantGoal,
  ParticipantKind,
  ProfileVisibility,
} from './participant-profile.entity';

registerEnumType(ParticipantKind, { name: 'ParticipantKind' });
registerEnumType(ParticipantGoal, { name: 'ParticipantGoal' });
registerEnumType(AvailableDays, { name: 'AvailableDays' });
registerEnumType(ProfileVisibility, {
  name: 'ProfileVisibility',
  description: 'Who may find and read the profile (its owner always can).',
});

const LEVEL_MESSAGE = 'must be 1 to 5';

@ObjectType('ParticipantSkill')
export class ParticipantSkillType {
  @Field(() => ID)
  skillId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  nameEn!: string;

  @Field(() => Int, { description: 'Self-assessed, 1 to 5' })
  level!: number;
}

@ObjectType('AvailabilityPeriod')
export class AvailabilityPeriodType {
  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null: open-ended' })
  to!: string | null;
}

@ObjectType('Availability')
export class AvailabilityType {
  @Field(() => Int, { nullable: true })
  weeklyHours!: number | null;

  @Field(() => AvailableDays)
  days!: AvailableDays;

  @Field(() => [AvailabilityPeriodType])
  periods!: AvailabilityPeriodType[];
}

// What every view of a participant shows.
@ObjectType({ isAbstract: true })
abstract class ParticipantDetailsType {
  @Field(() => ID)
  userId!: string;

  @Field(() => ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => [ParticipantSkillType], { description: 'Highest level first' })
  skills!: ParticipantSkillType[];

  @Field(() => [ThemeType])
  themes!: ThemeType[];

  @Field(() => [ParticipantGoal])
  goals!: ParticipantGoal[];

  @Field(() => AvailabilityType)
  availability!: AvailabilityType;

  @Field(() => MunicipalityType, { nullable: true })
  homeMunicipality!: MunicipalityType | null;

  @Field(() => Int, { description: 'How far they would travel for on-site work' })
  travelRangeKm!: number;

  @Field()
  remoteOnly!: boolean;

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  languages!: string[];

  @Field()
  bio!: string;

  @Field()
  updatedAt!: Date;
}

// What intermediaries and regions see. Deliberately no contact details (e-mail, phone) and no
// guardian: they reach participants through the platform, not directly.
@ObjectType('ParticipantCard', {
  description: 'A participant as intermediaries and regions see them: never contact details.',
})
export class ParticipantCardType extends ParticipantDetailsType {
  @Field()
  displayName!: string;
}

export const ParticipantCardConnection = Paginated(ParticipantCardType);

// The owner's own view: everything they entered, contact and guardian details included.
@ObjectType('ParticipantProfile')
export class ParticipantProfileType extends ParticipantDetailsType {
  @Field(() => OrganizationType, {
    nullable: true,
    description: 'For COMPANY_EMPLOYEE: the company that sends them',
  })
  company!: OrganizationType | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth!: string | null;

  @Field(() => String, { nullable: true, description: 'For participants under 18' })
  guardianName!: string | null;

  @Field(() => String, { nullable: true, description: 'Where consent requests go' })
  guardianEmail!: string | null;

  @Field(() => Date, { nullable: true, description: "When the guardian's consent was recorded" })
  guardianConsentAt!: Date | null;

  @Field(() => ProfileVisibility)
  visibility!: ProfileVisibility;

  @Field(() => String, { nullable: true, description: 'Shown to you only' })
  phone!: string | null;
}

@InputType()
export class ParticipantSkillInput {
  @Field(() => ID, { description: 'A taxonomy skill id' })
  @IsUUID('4', { message: 'must be a skill id' })
  skillId!: string;

  @Field(() => Int, { description: '1 to 5' })
  @IsInt({ message: LEVEL_MESSAGE })
  @Min(1, { message: LEVEL_MESSAGE })
  @Max(5, { message: LEVEL_MESSAGE })
  level!: number;
}

@InputType()
export class AvailabilityPeriodInput {
  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  from!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, not before from; null: open-ended',
  })
  @IsOptional()
  @IsDateOnly()
  @NotBefore('from')
  to?: string | null;
}

@InputType()
export class AvailabilityInput {
  @Field(() => Int, { nullable: true, description: 'Hours a week, 1 to 80' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be 1 to 80' })
  @Max(80, { message: 'must be 1 to 80' })
  weeklyHours?: number | null;

  @Field(() => AvailableDays, { defaultValue: AvailableDays.ANY })
  @IsOptional()
  @IsEnum(AvailableDays)
  days?: AvailableDays;

  @Field(() => [AvailabilityPeriodInput], { defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityPeriodInput)
  periods?: AvailabilityPeriodInput[];
}

// The whole profile: saving replaces it, and a field left out takes its default.
@InputType()
export class ParticipantProfileInput {
  @Field(() => ParticipantKind)
  @IsEnum(ParticipantKind)
  kind!: ParticipantKind;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for COMPANY_EMPLOYEE: a COMPANY organisation you are a member of',
  })
  @IsOptional()
  @IsUUID('4', { message: 'must be an organisation id' })
  companyOrganizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD. Required for HIGH_SCHOOL_STUDENT; under 18 needs a guardian',
  })
  @IsOptional()
  @IsDateOnly()
  dateOfBirth?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required for HIGH_SCHOOL_STUDENT; allowed for anyone under 18',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  guardianName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The guardian's e-mail address: where consent requests go (needed to apply)",
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  guardianEmail?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Required (true) for HIGH_SCHOOL_STUDENT: the guardian has consented',
  })
  @IsOptional()
  @IsBoolean()
  guardianConsent?: boolean | null;

  @Field(() => [ParticipantSkillInput], { defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ParticipantSkillInput)
  skills?: ParticipantSkillInput[];

  @Field(() => [String], { defaultValue: [], description: 'Theme codes, see the themes query' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'must not repeat a theme' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'must not hold an empty theme code' })
  themeCodes?: string[];

  @Field(() => [ParticipantGoal], { defaultValue: [] })
  @IsOptional()
  @ArrayUnique({ message: 'must not repeat a goal' })
  @IsEnum(ParticipantGoal, { each: true })
  goals?: ParticipantGoal[];

  @Field(() => AvailabilityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AvailabilityInput)
  availability?: AvailabilityInput;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  homeMunicipalityCode?: string;

  @Field(() => Int, { defaultValue: 100, description: 'Kilometres, 0 to 3000' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be 0 to 3000' })
  @Max(3000, { message: 'must be 0 to 3000' })
  travelRangeKm?: number;

  @Field({ defaultValue: false })
  @IsOptional()
  @IsBoolean()
  remoteOnly?: boolean;

  @Field(() => [String], { defaultValue: ['ja'], description: 'ISO 639-1 codes' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'must not repeat a language' })
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each must be an ISO 639-1 code such as ja or en' })
  languages?: string[];

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string;

  @Field(() => ProfileVisibility, { defaultValue: ProfileVisibility.INTERMEDIARIES })
  @IsOptional()
  @IsEnum(ProfileVisibility)
  visibility?: ProfileVisibility;

  @Field(() => String, { nullable: true, description: 'Shown to you only' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{8,18}[0-9]$/, {
    message: 'must be a phone number such as 090-1234-5678',
  })
  phone?: string | null;
}

@InputType()
export class ParticipantSearchFilter {
  @Field(() => [ID], { nullable: true, description: 'Participants with any of these skills' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'each must be a skill id' })
  skillIds?: string[];

  @Field(() => Int, { nullable: true, description: 'With skillIds: at least this level (1 to 5)' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: LEVEL_MESSAGE })
  @Max(5, { message: LEVEL_MESSAGE })
  minLevel?: number;

  @Field(() => [String], { nullable: true, description: 'Interested in any of these themes' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'must not hold an empty theme code' })
  themeCodes?: string[];

  @Field(() => [ParticipantKind], { nullable: true })
  @IsOptional()
  @IsEnum(ParticipantKind, { each: true })
  kinds?: ParticipantKind[];

  @Field({ nullable: true, description: 'Home prefecture (2-digit code)' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit prefecture code' })
  prefectureCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: remote only; false: will travel' })
  @IsOptional()
  @IsBoolean()
  remoteOnly?: boolean;

  @Field({ nullable: true, description: 'Free text over the bio' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  text?: string;
}

@ArgsType()
export class SearchParticipantsArgs extends PageArgs {
  @Field(() => ParticipantSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantSearchFilter)
  filter?: ParticipantSearchFilter;
}
