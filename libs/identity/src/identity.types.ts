import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated, Secret } from '@tsunagu/core';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { MembershipRole } from './membership.entity';
import { OrganizationKind } from './organization.entity';
import type { Locale } from './user.entity';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });

@ObjectType('Municipality')
export class MunicipalityType {
  @Field({ description: '全国地方公共団体コード (6 digits)' })
  code!: string;

  @Field({ description: 'In Japanese, with its prefecture: 北海道美幌町' })
  name!: string;

  @Field({
    description: 'Romanised from its reading: "Bihoro Town", "Chuo Ward, Sapporo" (no prefecture).',
  })
  nameEn!: string;

  @Field()
  prefectureCode!: string;
}

@ArgsType()
export class MunicipalitiesArgs {
  @Field({ description: 'A 2-digit prefecture code (JIS X 0401), e.g. 01 for 北海道' })
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit prefecture code' })
  prefectureCode!: string;
}

@ObjectType('Prefecture')
export class PrefectureType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  nameEn!: string;
}

@ObjectType('Remit')
export class RemitType {
  @Field(() => [PrefectureType])
  prefectures!: PrefectureType[];

  @Field(() => [MunicipalityType])
  municipalities!: MunicipalityType[];
}

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  name!: string;

  @Field(() => MunicipalityType, { nullable: true })
  municipality!: MunicipalityType | null;
}

export const OrganizationConnection = Paginated(OrganizationType);

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Part of the name, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string;

  @Field(() => OrganizationKind, { nullable: true, description: 'Only organisations of this kind' })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;
}

@ObjectType('OrganizationMember')
export class OrganizationMemberType {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    description: "Only for the organisation's owners and platform admins",
  })
  email!: string | null;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field({ description: 'When they joined the organisation' })
  joinedAt!: Date;
}

@ObjectType('Membership')
export class MembershipType {
  @Field(() => OrganizationType)
  organization!: OrganizationType;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field()
  locale!: string;
}

@ObjectType('Me')
export class MeType extends UserType {
  @Field()
  email!: string;

  @Field({ description: 'IANA time zone for the daily digest, e.g. "Asia/Tokyo".' })
  timeZone!: string;

  @Field({
    description: 'Whether the e-mail address is verified; applying to projects needs it.',
  })
  emailVerified!: boolean;

  @Field(() => [MembershipType])
  memberships!: MembershipType[];
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field()
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Single use: exchange it with refreshSession for a new pair.' })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;
}

const LOCALES: Locale[] = ['ja', 'en'];

@InputType()
export class SignUpInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Secret()
  @MinLength(10, { message: 'must be at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    defaultValue: 'ja',
    description: '"ja" (default) or "en"',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: 'must be "ja" or "en"' })
  locale?: Locale;
}

// A time zone Node knows by name (the service also asks PostgreSQL, which the digest sweep uses).
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

@InputType()
export class MySettingsInput {
  @Field(() => String, { nullable: true, description: '"ja" or "en"' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'must be "ja" or "en"' })
  locale?: Locale;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. "Asia/Tokyo"' })
  @IsOptional()
  @ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: isTimeZone,
      defaultMessage: () => 'must be an IANA time zone such as "Asia/Tokyo"',
    },
  })
  timeZone?: string;
}

@InputType()
export class SignInInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Secret()
  @MaxLength(200)
  password!: string;
}

// A refresh token as an argument: a secret, compared as sent.
@ArgsType()
export class RefreshTokenArgs {
  @Field()
  @IsString()
  @Secret()
  @MaxLength(500)
  refreshToken!: string;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true, description: 'Required for REGION organisations.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  municipalityCode?: string;
}

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  @IsString()
  organizationId!: string;

  @Field()
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  email!: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.STAFF })
  @IsEnum(MembershipRole)
  role!: MembershipRole;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  @IsString()
  organizationId!: string;

  @Field(() => ID)
  @IsString()
  userId!: string;
}

@InputType()
export class SetRemitInput {
  @Field(() => ID)
  @IsString()
  organizationId!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(47)
  @Matches(/^\d{2}$/, { each: true, message: 'each must be a 2-digit prefecture code' })
  prefectureCodes!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(2000)
  @Matches(/^\d{6}$/, { each: true, message: 'each must be a 6-digit municipality code' })
  municipalityCodes!: string[];
}
