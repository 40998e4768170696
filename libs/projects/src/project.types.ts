import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  OmitType,
  PartialType,
  registerEnumType,
} from '@nestjs/graphql';
import { IsDateOnly, NotBefore, PageArgs, Paginated } from '@tsunagu/core';
import { MunicipalityType, PrefectureType } from '@tsunagu/identity';
import { ParticipantKind } from '@tsunagu/participants';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ProjectAuditAction } from './project-audit-entry.entity';
import { SkillRequirement } from './project-skill.entity';
import { ProjectMode, ProjectStatus } from './project.entity';

registerEnumType(ProjectMode, { name: 'ProjectMode' });
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });
registerEnumType(SkillRequirement, { name: 'SkillRequirement' });
registerEnumType(ProjectAuditAction, { name: 'ProjectAuditAction' });

export enum ProjectSort {
  NEWEST = 'NEWEST',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(ProjectSort, {
  name: 'ProjectSort',
  description: 'RELEVANCE needs filter.text; ties are broken by date.',
});

@ObjectType('Place')
export class PlaceType {
  @Field(() => PrefectureType)
  prefecture!: PrefectureType;

  @Field(() => MunicipalityType)
  municipality!: MunicipalityType;

  @Field(() => Float, { description: "Latitude of the municipality's office" })
  lat!: number;

  @Field(() => Float)
  lng!: number;
}

@ObjectType('RequiredSkill')
export class RequiredSkillType {
  @Field(() => ID)
  skillId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  nameEn!: string;

  @Field(() => SkillRequirement)
  requirement!: SkillRequirement;

  @Field(() => Int, { description: '1 to 5' })
  minLevel!: number;

  @Field(() => Int, { description: 'Importance 1 to 5, for matching' })
  weight!: number;
}

@ObjectType('Attachment')
export class AttachmentType {
  @Field()
  title!: string;

  @Field()
  url!: string;
}

@ObjectType('Program')
export class ProgramType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => ID)
  intermediaryOrganizationId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Days without a check-in before an engagement is stale (null: platform default)',
  })
  staleAfterDays!: number | null;
}

// Relations (theme, region, program, required skills) are resolved by field resolvers through
// per-request DataLoaders, so a page costs a constant number of queries.
@ObjectType('Project')
export class ProjectType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ProjectMode)
  mode!: ProjectMode;

  @Field({ description: 'ISO date (YYYY-MM-DD)' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'ISO date; null while ongoing' })
  endDate!: string | null;

  @Field(() => [Int], { description: 'Months (1–12) when help is needed each year' })
  seasonMonths!: number[];

  @Field(() => Int, { nullable: true })
  hoursPerWeek!: number | null;

  @Field(() => Int)
  teamSize!: number;

  @Field(() => Int)
  capacity!: number;

  @Field(() => [ParticipantKind], { description: 'Empty: open to every kind of participant' })
  eligibleKinds!: ParticipantKind[];

  @Field(() => [String], { description: 'ISO 639-1 codes' })
  languages!: string[];

  @Field(() => [AttachmentType])
  attachments!: AttachmentType[];

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field(() => String, { nullable: true, description: "The intermediary's latest review comment" })
  reviewComment!: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Set while applications wait too long for an answer: out of search, no new applications',
  })
  pausedAt!: Date | null;

  @Field(() => String, { nullable: true })
  pauseReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  // Keys for the field resolvers; not exposed as such.
  regionOrganizationId!: string;
  themeCode!: string;
  programId!: string | null;
  municipalityCode!: string;
}

export const ProjectConnection = Paginated(ProjectType);

@ObjectType('ProjectAuditEntry')
export class ProjectAuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ProjectAuditAction)
  action!: ProjectAuditAction;

  @Field(() => ProjectStatus, { nullable: true })
  fromStatus!: ProjectStatus | null;

  @Field(() => ProjectStatus, { nullable: true })
  toStatus!: ProjectStatus | null;

  @Field(() => [String], { description: 'Names of the fields that changed' })
  changedFields!: string[];

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field()
  createdAt!: Date;
}

@InputType()
export class RequiredSkillInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a skill id' })
  skillId!: string;

  @Field(() => SkillRequirement)
  @IsEnum(SkillRequirement)
  requirement!: SkillRequirement;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be 1 to 5' })
  @Max(5, { message: 'must be 1 to 5' })
  minLevel!: number;

  @Field(() => Int, { defaultValue: 3 })
  @IsInt()
  @Min(1, { message: 'must be 1 to 5' })
  @Max(5, { message: 'must be 1 to 5' })
  weight!: number;
}

@InputType()
export class AttachmentInput {
  @Field()
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  @MaxLength(2000)
  url!: string;
}

@InputType()
export class CreateProjectInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  regionOrganizationId!: string;

  @Field()
  @IsString()
  @Length(3, 200, { message: 'must be 3 to 200 characters' })
  title!: string;

  @Field()
  @IsString()
  @Length(10, 10000, { message: 'must be 10 to 10,000 characters' })
  description!: string;

  @Field({ description: 'A theme code, see the themes query' })
  @IsString()
  @Length(1, 50)
  themeCode!: string;

  @Field({ nullable: true, description: "Defaults to the region organisation's municipality" })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  municipalityCode?: string;

  @Field(() => ProjectMode)
  @IsEnum(ProjectMode)
  mode!: ProjectMode;

  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly()
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null for ongoing projects' })
  @IsOptional()
  @IsDateOnly()
  endDate?: string | null;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayUnique({ message: 'must not repeat a month' })
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'months are 1 to 12' })
  @Max(12, { each: true, message: 'months are 1 to 12' })
  seasonMonths?: number[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be 1 to 80' })
  @Max(80, { message: 'must be 1 to 80' })
  hoursPerWeek?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  teamSize?: number;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(1000, { message: 'must be at most 1000' })
  capacity!: number;

  @Field(() => [ParticipantKind], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(ParticipantKind, { each: true })
  eligibleKinds?: ParticipantKind[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each must be an ISO 639-1 code such as ja or en' })
  languages?: string[];

  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentInput)
  attachments?: AttachmentInput[];

  @Field(() => [RequiredSkillInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillInput)
  requiredSkills?: RequiredSkillInput[];

  @Field(() => ID, { nullable: true, description: "One of a supervising intermediary's programs" })
  @IsOptional()
  @IsUUID('4', { message: 'must be a program id' })
  programId?: string | null;
}

// Any subset of a project's fields; null clears endDate, hoursPerWeek and programId.
@InputType()
export class ProjectChangesInput extends PartialType(
  OmitType(CreateProjectInput, ['regionOrganizationId'] as const),
  InputType,
) {}

@InputType()
export class UpdateProjectInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field(() => ProjectChangesInput)
  @ValidateNested()
  @Type(() => ProjectChangesInput)
  changes!: ProjectChangesInput;
}

@InputType()
export class ExtendProjectInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a project id' })
  projectId!: string;

  @Field(() => String, { nullable: true, description: 'New end date; null makes it ongoing' })
  @IsOptional()
  @IsDateOnly()
  endDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Raise capacity at the same time' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number;
}

@InputType()
export class ProjectFilter {
  @Field({
    nullable: true,
    description: 'Free text over title and description (Japanese or English)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  text?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'must not hold an empty theme code' })
  themeCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Projects asking for any of these skills' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'each must be a skill id' })
  skillIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit prefecture code' })
  prefectureCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  municipalityCode?: string;

  @Field(() => [ProjectMode], { nullable: true })
  @IsOptional()
  @IsEnum(ProjectMode, { each: true })
  modes?: ProjectMode[];

  @Field({ nullable: true, description: 'Projects running on some day from this date…' })
  @IsOptional()
  @IsDateOnly()
  activeFrom?: string;

  @Field({ nullable: true, description: '…to this date (period overlap)' })
  @IsOptional()
  @IsDateOnly()
  @NotBefore('activeFrom')
  activeTo?: string;

  @Field(() => ParticipantKind, { nullable: true, description: 'Projects open to this kind' })
  @IsOptional()
  @IsEnum(ParticipantKind)
  eligibleFor?: ParticipantKind;

  @Field(() => Int, { nullable: true, description: 'At most this many hours a week' })
  @IsOptional()
  @IsInt()
  @Min(1)
  // A week has 168 hours.
  @Max(168)
  maxHoursPerWeek?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('4', { message: 'must be a program id' })
  programId?: string;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilter)
  filter?: ProjectFilter;

  @Field(() => ProjectSort, { defaultValue: ProjectSort.NEWEST })
  @IsEnum(ProjectSort)
  sort: ProjectSort = ProjectSort.NEWEST;
}

@InputType()
export class CreateProgramInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  intermediaryOrganizationId!: string;

  @Field()
  @IsString()
  @Length(2, 200)
  name!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  description!: string;
}

const STALE_DAYS_MESSAGE = 'must be a whole number of days from 1 to 365';

@ArgsType()
export class SetProgramStaleAfterDaysArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: STALE_DAYS_MESSAGE })
  @Min(1, { message: STALE_DAYS_MESSAGE })
  @Max(365, { message: STALE_DAYS_MESSAGE })
  days?: number | null;
}
