import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RequiredText } from '@tsunagu/core';
import { Type } from 'class-transformer';
import { AGE_GROUP_COUNT, HouseholdKind } from './population-model';
import { SettlementTarget } from './population-projection';

registerEnumType(HouseholdKind, {
  name: 'HouseholdKind',
  description: 'Who settles, as one household: its members by age group and sex',
  valuesMap: {
    YOUNG_COUPLE: { description: 'A couple in their twenties (25–29)' },
    FAMILY_WITH_CHILD: { description: 'A couple in their thirties (30–34) with a child under 5' },
    RETIRED_COUPLE: { description: 'A couple in their early sixties (60–64)' },
  },
});
registerEnumType(SettlementTarget, {
  name: 'SettlementTarget',
  valuesMap: {
    TOTAL: { description: 'The whole population' },
    CHILDREN: { description: 'Children aged 0–14' },
  },
});

const MAX_PEOPLE = 10_000_000;
const SURVIVAL_RATIOS = AGE_GROUP_COUNT - 1;

@ObjectType('PopulationAgeGroup')
export class PopulationAgeGroupType {
  @Field(() => Int, { description: 'First age of the group: 0, 5, … 90' })
  fromAge!: number;

  @Field(() => Int, { nullable: true, description: 'Last age; null for 90 and over' })
  toAge!: number | null;

  @Field(() => Int)
  male!: number;

  @Field(() => Int)
  female!: number;
}

@ObjectType('RegionPopulation')
export class RegionPopulationType {
  @Field(() => Int, { description: 'The year the numbers were counted (a census year)' })
  censusYear!: number;

  @Field(() => [PopulationAgeGroupType], { description: '0–4, 5–9 … 85–89, 90 and over' })
  ageGroups!: PopulationAgeGroupType[];

  @Field(() => Int)
  total!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType('RegionProfile', { description: "A region's public page" })
export class RegionProfileType {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'Who they are, in their own words' })
  description!: string | null;

  @Field(() => RegionPopulationType, { nullable: true })
  population!: RegionPopulationType | null;
}

@ObjectType('RegionRelationshipSummary', {
  description: 'The relationships a region has built, counted from completed engagements',
})
export class RegionRelationshipSummaryType {
  @Field(() => Int)
  completedEngagements!: number;

  @Field(() => Int, { description: 'People who completed at least one engagement there' })
  participants!: number;

  @Field(() => Int, {
    description: 'Of those, people who came back: a second engagement, or a revisit recorded',
  })
  returningParticipants!: number;
}

@ObjectType('ProjectionPoint')
export class ProjectionPointType {
  @Field(() => Int)
  year!: number;

  @Field(() => Float)
  total!: number;

  @Field(() => Float, { description: 'Aged 0–14' })
  children!: number;

  @Field(() => Float, { description: 'Aged 15–64' })
  working!: number;

  @Field(() => Float, { description: 'Aged 65 and over' })
  elderly!: number;
}

@ObjectType('Settlement', {
  description:
    'How many households settling every year bring the target, 30 years on, back to its level ' +
    'in the census year',
})
export class SettlementType {
  @Field(() => SettlementTarget)
  target!: SettlementTarget;

  @Field(() => Float, {
    nullable: true,
    description: 'Zero when the target holds without newcomers; null when newcomers cannot help',
  })
  householdsPerYear!: number | null;

  @Field(() => Float, { nullable: true })
  peoplePerYear!: number | null;

  @Field(() => [ProjectionPointType], { description: 'The projection with those newcomers' })
  withNewcomers!: ProjectionPointType[];
}

@ObjectType('ProjectionParameters', { description: 'The rates a projection used' })
export class ProjectionParametersType {
  @Field(() => [Float], { description: 'Men alive 5 years on, per group 0–4 … 85 and over' })
  survivalMale!: number[];

  @Field(() => [Float])
  survivalFemale!: number[];

  @Field(() => Float, { description: 'Births per woman a year, ages 15–19 … 45–49' })
  totalFertilityRate!: number;

  @Field(() => [Float], { description: 'Births per woman a year, ages 15–19 … 45–49' })
  fertility!: number[];

  @Field(() => Float, { description: 'Boys born per girl' })
  sexRatioAtBirth!: number;

  @Field(() => [Float], { description: 'Net migration over 5 years, share per group (both sexes)' })
  netMigration!: number[];

  @Field(() => Boolean, { description: 'Whether every rate is the national default' })
  defaults!: boolean;
}

@ObjectType('PopulationProjection')
export class PopulationProjectionType {
  @Field(() => Int)
  baseYear!: number;

  @Field(() => ProjectionParametersType)
  parameters!: ProjectionParametersType;

  @Field(() => HouseholdKind)
  household!: HouseholdKind;

  @Field(() => Float, { description: 'People in one such household' })
  householdSize!: number;

  @Field(() => [ProjectionPointType], { description: 'Every 5 years, without newcomers' })
  baseline!: ProjectionPointType[];

  @Field(() => [SettlementType], { description: 'Keeping the total, then the children, stable' })
  settlements!: SettlementType[];
}

@InputType({ description: 'Overrides of the national default rates; what is left out is default' })
export class PopulationProjectionInput {
  @Field(() => HouseholdKind, { nullable: true, description: 'Default FAMILY_WITH_CHILD' })
  @IsOptional()
  @IsEnum(HouseholdKind)
  household?: HouseholdKind;

  @Field(() => Float, {
    nullable: true,
    description: 'Scales the default age pattern of births to this total (0.5 to 3)',
  })
  @IsOptional()
  @IsNumber({}, { message: 'must be a number' })
  @Min(0.5, { message: 'must be from 0.5 to 3' })
  @Max(3, { message: 'must be from 0.5 to 3' })
  totalFertilityRate?: number;

  @Field(() => [Float], {
    nullable: true,
    description: 'Births per woman a year, ages 15–19 … 45–49 (7 values, each 0 to 0.5)',
  })
  @IsOptional()
  @ArrayMinSize(7, { message: 'must give 7 rates, for ages 15–19 to 45–49' })
  @ArrayMaxSize(7, { message: 'must give 7 rates, for ages 15–19 to 45–49' })
  @IsNumber({}, { each: true, message: 'must be numbers' })
  @Min(0, { each: true, message: 'must each be from 0 to 0.5' })
  @Max(0.5, { each: true, message: 'must each be from 0 to 0.5' })
  fertility?: number[];

  @Field(() => [Float], {
    nullable: true,
    description: `Men alive 5 years on, per group 0–4 … 85 and over (${SURVIVAL_RATIOS} values, 0 to 1)`,
  })
  @IsOptional()
  @ArrayMinSize(SURVIVAL_RATIOS, { message: `must give ${SURVIVAL_RATIOS} ratios` })
  @ArrayMaxSize(SURVIVAL_RATIOS, { message: `must give ${SURVIVAL_RATIOS} ratios` })
  @IsNumber({}, { each: true, message: 'must be numbers' })
  @Min(0, { each: true, message: 'must each be from 0 to 1' })
  @Max(1, { each: true, message: 'must each be from 0 to 1' })
  survivalMale?: number[];

  @Field(() => [Float], { nullable: true, description: 'As survivalMale, for women' })
  @IsOptional()
  @ArrayMinSize(SURVIVAL_RATIOS, { message: `must give ${SURVIVAL_RATIOS} ratios` })
  @ArrayMaxSize(SURVIVAL_RATIOS, { message: `must give ${SURVIVAL_RATIOS} ratios` })
  @IsNumber({}, { each: true, message: 'must be numbers' })
  @Min(0, { each: true, message: 'must each be from 0 to 1' })
  @Max(1, { each: true, message: 'must each be from 0 to 1' })
  survivalFemale?: number[];

  @Field(() => Float, { nullable: true, description: 'Boys born per girl (0.9 to 1.2)' })
  @IsOptional()
  @IsNumber({}, { message: 'must be a number' })
  @Min(0.9, { message: 'must be from 0.9 to 1.2' })
  @Max(1.2, { message: 'must be from 0.9 to 1.2' })
  sexRatioAtBirth?: number;

  @Field(() => [Float], {
    nullable: true,
    description: `Net migration over 5 years as a share of each group (${AGE_GROUP_COUNT} values, −0.5 to 0.5)`,
  })
  @IsOptional()
  @ArrayMinSize(AGE_GROUP_COUNT, { message: `must give ${AGE_GROUP_COUNT} rates` })
  @ArrayMaxSize(AGE_GROUP_COUNT, { message: `must give ${AGE_GROUP_COUNT} rates` })
  @IsNumber({}, { each: true, message: 'must be numbers' })
  @Min(-0.5, { each: true, message: 'must each be from -0.5 to 0.5' })
  @Max(0.5, { each: true, message: 'must each be from -0.5 to 0.5' })
  netMigration?: number[];
}

@ArgsType()
export class RegionProjectionArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => PopulationProjectionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PopulationProjectionInput)
  parameters?: PopulationProjectionInput;
}

@InputType()
export class RegionPopulationInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, { description: 'The year the numbers were counted, 1920 to 2100' })
  @IsInt({ message: 'must be a year' })
  @Min(1920, { message: 'must be from 1920 to 2100' })
  @Max(2100, { message: 'must be from 1920 to 2100' })
  censusYear!: number;

  @Field(() => [Int], { description: 'Men per group 0–4 … 85–89, 90 and over (19 numbers)' })
  @ArrayMinSize(AGE_GROUP_COUNT, { message: `must give ${AGE_GROUP_COUNT} numbers` })
  @ArrayMaxSize(AGE_GROUP_COUNT, { message: `must give ${AGE_GROUP_COUNT} numbers` })
  @IsInt({ each: true, message: 'must be whole numbers' })
  @Min(0, { each: true, message: `must each be from 0 to ${MAX_PEOPLE}` })
  @Max(MAX_PEOPLE, { each: true, message: `must each be from 0 to ${MAX_PEOPLE}` })
  male!: number[];

  @Field(() => [Int], { description: 'Women, as male' })
  @ArrayMinSize(AGE_GROUP_COUNT, { message: `must give ${AGE_GROUP_COUNT} numbers` })
  @ArrayMaxSize(AGE_GROUP_COUNT, { message: `must give ${AGE_GROUP_COUNT} numbers` })
  @IsInt({ each: true, message: 'must be whole numbers' })
  @Min(0, { each: true, message: `must each be from 0 to ${MAX_PEOPLE}` })
  @Max(MAX_PEOPLE, { each: true, message: `must each be from 0 to ${MAX_PEOPLE}` })
  female!: number[];
}

@InputType()
export class ImportRegionPopulationInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, { description: 'The year the numbers were counted, 1920 to 2100' })
  @IsInt({ message: 'must be a year' })
  @Min(1920, { message: 'must be from 1920 to 2100' })
  @Max(2100, { message: 'must be from 1920 to 2100' })
  censusYear!: number;

  @Field({
    description:
      'CSV in the census shape: a header naming 年齢, 男, 女 (or age, male, female; a total ' +
      'column optional), then a line per 5-year age group. Each bad line is reported at ' +
      '["input", "csv", "<line>", "<problem>"] and nothing is saved.',
  })
  @RequiredText(20_000)
  csv!: string;
}

@InputType()
export class UpdateRegionProfileInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { nullable: true, description: 'Who they are; empty clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'must be at most 4,000 characters' })
  description?: string | null;
}
