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
import { IsDateOnly, isDateOnly } from '@tsunagu/core';
import { ParticipantKind } from '@tsunagu/participants';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { kpiPeriodProblems } from './kpi-period';

export enum KpiGroupBy {
  NONE = 'NONE',
  PROGRAM = 'PROGRAM',
  REGION = 'REGION',
  THEME = 'THEME',
  PARTICIPANT_KIND = 'PARTICIPANT_KIND',
  MONTH = 'MONTH',
  PREFECTURE = 'PREFECTURE',
}

registerEnumType(KpiGroupBy, { name: 'KpiGroupBy' });

// What is wrong with the period ending on `to` (kpiPeriodProblems), once both days are days.
function periodProblem(args?: ValidationArguments): string | undefined {
  const from = (args?.object as { from?: unknown } | undefined)?.from;
  const to: unknown = args?.value;
  if (!isDateOnly(from) || !isDateOnly(to)) return undefined;
  return kpiPeriodProblems(from, to)[0]?.message;
}

// A report period in order and shorter than KPI_MAX_PERIOD_YEARS, reported at `to`.
const IsKpiPeriodEnd = () =>
  ValidateBy({
    name: 'isKpiPeriodEnd',
    validator: {
      validate: (_to: unknown, args?: ValidationArguments) => periodProblem(args) === undefined,
      defaultMessage: (args?: ValidationArguments) => periodProblem(args) ?? '',
    },
  });

@InputType({ description: 'Which engagements a report covers; from and to are days in Japan time' })
export class EngagementKpiFilterInput {
  @Field({ description: 'First day, YYYY-MM-DD (inclusive)' })
  @IsDateOnly()
  from!: string;

  @Field({ description: 'Last day, YYYY-MM-DD (inclusive); at most 5 years after from' })
  @IsDateOnly()
  @IsKpiPeriodEnd()
  to!: string;

  @Field(() => ID, { nullable: true, description: "Projects in this intermediary's programs" })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  intermediaryOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  programId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  regionOrganizationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  themeCode?: string | null;

  @Field(() => ParticipantKind, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipantKind, { message: 'must be a participant kind' })
  participantKind?: ParticipantKind | null;
}

// The arguments of engagementKpis and engagementKpisCsv.
@ArgsType()
export class EngagementKpiArgs {
  @Field(() => EngagementKpiFilterInput)
  @ValidateNested()
  @Type(() => EngagementKpiFilterInput)
  filter!: EngagementKpiFilterInput;

  @Field(() => KpiGroupBy, { defaultValue: KpiGroupBy.NONE })
  @IsEnum(KpiGroupBy, { message: 'must be a grouping' })
  groupBy: KpiGroupBy = KpiGroupBy.NONE;
}

@ObjectType('EngagementKpi', {
  description:
    'Figures of one group for the period. Counts by when things happened in the period; ' +
    'activeEngagements and staleCount are as of now.',
})
export class EngagementKpiType {
  @Field(() => String, {
    nullable: true,
    description:
      'Program, region or theme id/code, participant kind, YYYY-MM, prefecture code; ALL for NONE',
  })
  key!: string | null;

  @Field()
  label!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Published in the period; null when grouped by participant kind',
  })
  projectsPublished!: number | null;

  @Field(() => Int, { description: 'Applications submitted in the period' })
  applications!: number;

  @Field(() => Int, { description: 'Scout offers sent in the period' })
  offers!: number;

  @Field(() => Int, { description: 'Applications first ACCEPTED in the period' })
  matches!: number;

  @Field(() => Int, {
    description: 'Distinct people with an application first ACCEPTED in the period',
  })
  participants!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'matches / applications; null without applications',
  })
  acceptanceRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Median days from application to the region's acceptance, over the matches",
  })
  medianDaysToMatch!: number | null;

  @Field(() => Int, { nullable: true, description: 'ACTIVE now; null when grouped by month' })
  activeEngagements!: number | null;

  @Field(() => Float, { description: 'Check-in hours the region approved in the period' })
  hoursContributed!: number;

  @Field(() => Int, { description: 'Approved engagements COMPLETED in the period' })
  completedEngagements!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of the approved engagements that ended in the period (completed, cancelled or withdrawn ' +
      'after approval), the share completed',
  })
  completionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of the 3-month follow-ups that fell due in the period, the share recorded with an ' +
      'outcome other than LOST_TOUCH',
  })
  continuation3!: number | null;

  @Field(() => Float, { nullable: true, description: 'As continuation3, at 6 months' })
  continuation6!: number | null;

  @Field(() => Float, { nullable: true, description: 'As continuation3, at 12 months' })
  continuation12!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'ACTIVE engagements flagged STALE with no check-in since; null when grouped by month',
  })
  staleCount!: number | null;
}
