import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  IsPlannableFiscalYear,
  ProgramKpiMetric,
  ProgramKpiTargetType,
  ProgramReviewType,
  ProgramType,
} from '@tsunagu/projects';
import { IsOptional, IsUUID } from 'class-validator';
import { EngagementKpiType } from './kpi-report.types';

@ArgsType()
export class ProgramReportArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The fiscal year (April to March) by its starting year; default: the current one',
  })
  @IsOptional()
  @IsPlannableFiscalYear()
  fiscalYear?: number | null;
}

@ObjectType('ProgramKpiResult', { description: 'One metric of the year: target against result' })
export class ProgramKpiResultType {
  @Field(() => ProgramKpiMetric)
  metric!: ProgramKpiMetric;

  @Field(() => Float, { nullable: true, description: 'null when no target is set' })
  target!: number | null;

  @Field(() => Float, { description: 'The figure of the year (as engagementKpis computes it)' })
  result!: number;

  @Field(() => Float, { description: 'The same figure in the previous fiscal year' })
  previousResult!: number;

  @Field(() => Float, { nullable: true, description: 'result / target; null without a target' })
  achievementRate!: number | null;
}

@ObjectType('ProgramReport', {
  description: "A program's fiscal year for its intermediary's report to the government (KPI/PDCA)",
})
export class ProgramReportType {
  @Field(() => ProgramType)
  program!: ProgramType;

  @Field(() => Int)
  fiscalYear!: number;

  @Field({ description: 'First day of the fiscal year, YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Last day of the fiscal year, YYYY-MM-DD' })
  to!: string;

  @Field(() => [ProgramKpiResultType], { description: 'Every metric, in a fixed order' })
  kpis!: ProgramKpiResultType[];

  @Field(() => [ProgramKpiTargetType], { description: 'The targets set, with who set them when' })
  targets!: ProgramKpiTargetType[];

  @Field(() => EngagementKpiType, { description: 'All figures of the year' })
  totals!: EngagementKpiType;

  @Field(() => EngagementKpiType, { description: 'All figures of the previous fiscal year' })
  previousTotals!: EngagementKpiType;

  @Field(() => [EngagementKpiType])
  byTheme!: EngagementKpiType[];

  @Field(() => [EngagementKpiType])
  byPrefecture!: EngagementKpiType[];

  @Field(() => [EngagementKpiType])
  byParticipantKind!: EngagementKpiType[];

  @Field(() => ProgramReviewType, { nullable: true, description: 'The PDCA notes, once written' })
  review!: ProgramReviewType | null;
}
