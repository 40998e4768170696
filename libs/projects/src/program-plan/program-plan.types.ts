import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { FIRST_FISCAL_YEAR, lastPlannableFiscalYear } from './fiscal-year';
import { COUNTED_METRICS, ProgramKpiMetric } from './program-plan.entity';

registerEnumType(ProgramKpiMetric, {
  name: 'ProgramKpiMetric',
  description: 'A figure of the KPI report a program sets a yearly target for',
  valuesMap: {
    PROJECTS_PUBLISHED: { description: 'Projects published in the year' },
    APPLICATIONS: { description: 'Applications submitted in the year' },
    MATCHES: { description: 'Applications first accepted in the year' },
    PARTICIPANTS: { description: 'People with an application first accepted in the year' },
    COMPLETED_ENGAGEMENTS: { description: 'Approved engagements completed in the year' },
    HOURS_CONTRIBUTED: { description: 'Check-in hours the region approved in the year' },
  },
});

export const MAX_KPI_TARGET = 1_000_000;
const NOTE_MAX = 4000;
const fiscalYearMessage = () =>
  `must be a fiscal year from ${FIRST_FISCAL_YEAR} to ${lastPlannableFiscalYear()}`;

// A fiscal year targets may be set for: from FIRST_FISCAL_YEAR to a few years ahead.
export const IsPlannableFiscalYear = () =>
  ValidateBy({
    name: 'isPlannableFiscalYear',
    validator: {
      validate: (value: unknown) =>
        Number.isInteger(value) &&
        (value as number) >= FIRST_FISCAL_YEAR &&
        (value as number) <= lastPlannableFiscalYear(),
      defaultMessage: fiscalYearMessage,
    },
  });

// Above 0 and at most MAX_KPI_TARGET; whole for counted metrics.
function targetProblem(value: unknown, metric: unknown): string | undefined {
  const whole = COUNTED_METRICS.has(metric as ProgramKpiMetric);
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value > 0 &&
    value <= MAX_KPI_TARGET &&
    (!whole || Number.isInteger(value));
  if (ok) return undefined;
  return whole
    ? `must be a whole number from 1 to ${MAX_KPI_TARGET}`
    : `must be a number above 0 and at most ${MAX_KPI_TARGET}`;
}

const IsKpiTarget = () =>
  ValidateBy({
    name: 'isKpiTarget',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        targetProblem(value, (args?.object as { metric?: unknown }).metric) === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        targetProblem(args?.value, (args?.object as { metric?: unknown }).metric) ?? '',
    },
  });

@InputType()
export class ProgramKpiTargetInput {
  @Field(() => ProgramKpiMetric)
  @IsEnum(ProgramKpiMetric, { message: 'must be a metric' })
  metric!: ProgramKpiMetric;

  @Field(() => Float, { nullable: true, description: 'Above 0; null removes the target' })
  @IsOptional()
  @IsKpiTarget()
  target?: number | null;
}

@InputType({ description: "Targets of a program's fiscal year; metrics not listed are kept" })
export class SetProgramKpiTargetsInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field(() => Int, { description: 'The fiscal year (April to March) by its starting year' })
  @IsPlannableFiscalYear()
  fiscalYear!: number;

  @Field(() => [ProgramKpiTargetInput])
  @ArrayMaxSize(Object.keys(ProgramKpiMetric).length)
  @ValidateNested({ each: true })
  @Type(() => ProgramKpiTargetInput)
  targets!: ProgramKpiTargetInput[];
}

@InputType({ description: "A program's PDCA notes for a fiscal year, replaced as a whole" })
export class SetProgramReviewInput {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be a program id' })
  programId!: string;

  @Field(() => Int)
  @IsPlannableFiscalYear()
  fiscalYear!: number;

  @Field({ description: 'Plan (計画): what the year set out to do' })
  @IsString()
  @MaxLength(NOTE_MAX)
  plan!: string;

  @Field({ description: 'Do (実行): what was done' })
  @IsString()
  @MaxLength(NOTE_MAX)
  execution!: string;

  @Field({ description: 'Check (評価): how it went against the targets' })
  @IsString()
  @MaxLength(NOTE_MAX)
  evaluation!: string;

  @Field({ description: 'Act (改善): what changes next' })
  @IsString()
  @MaxLength(NOTE_MAX)
  improvement!: string;
}

@ObjectType('ProgramKpiTarget')
export class ProgramKpiTargetType {
  @Field(() => ProgramKpiMetric)
  metric!: ProgramKpiMetric;

  @Field(() => Float)
  target!: number;

  @Field(() => String, { nullable: true, description: 'Who set it last (null once they left)' })
  updatedByName!: string | null;

  @Field()
  updatedAt!: Date;
}

@ObjectType('ProgramReview', { description: "A program's PDCA notes for a fiscal year" })
export class ProgramReviewType {
  @Field(() => Int)
  fiscalYear!: number;

  @Field()
  plan!: string;

  @Field()
  execution!: string;

  @Field()
  evaluation!: string;

  @Field()
  improvement!: string;

  @Field(() => String, { nullable: true, description: 'Who saved it last (null once they left)' })
  updatedByName!: string | null;

  @Field()
  updatedAt!: Date;
}
