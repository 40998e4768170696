import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, Paginated } from '@tsunagu/core';
import { MunicipalityType, OrganizationType } from '@tsunagu/identity';
import { ThemeType } from '@tsunagu/taxonomy';
import {
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { ProjectMode, ProjectStatus } from './project.entity';

registerEnumType(ProjectMode, { name: 'ProjectMode' });
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });

@ObjectType('Project')
export class ProjectType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ThemeType)
  theme!: ThemeType;

  @Field(() => MunicipalityType)
  municipality!: MunicipalityType;

  @Field(() => OrganizationType)
  region!: OrganizationType;

  @Field(() => ProjectMode)
  mode!: ProjectMode;

  @Field({ description: 'ISO date (YYYY-MM-DD)' })
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'ISO date; null while ongoing' })
  endDate!: string | null;

  @Field(() => Int)
  capacity!: number;

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export const ProjectConnection = Paginated(ProjectType);

const DATE = { strict: true, strictSeparator: true };

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
  @IsISO8601(DATE, { message: 'must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  startDate!: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD; omit for ongoing projects' })
  @IsOptional()
  @IsISO8601(DATE, { message: 'must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  endDate?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(1000, { message: 'must be at most 1000' })
  capacity!: number;
}

@InputType()
export class ProjectFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  themeCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be a 6-digit 全国地方公共団体コード' })
  municipalityCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a 2-digit prefecture code' })
  prefectureCode?: string;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilter)
  filter?: ProjectFilter;
}
