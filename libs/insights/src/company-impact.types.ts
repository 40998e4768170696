import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsDateOnly } from '@tsunagu/core';
import { EngagementStatus } from '@tsunagu/engagements';
import { IsUUID } from 'class-validator';
import { IsKpiPeriodEnd } from './kpi-report.types';

@ArgsType()
export class CompanyImpactArgs {
  @Field(() => ID)
  @IsUUID('4', { message: 'must be an organisation id' })
  companyOrganizationId!: string;

  @Field({ description: 'First day, YYYY-MM-DD (inclusive), Japan time' })
  @IsDateOnly()
  from!: string;

  @Field({ description: 'Last day, YYYY-MM-DD (inclusive); at most 5 years after from' })
  @IsDateOnly()
  @IsKpiPeriodEnd()
  to!: string;
}

@ObjectType('CompanyImpactStatusCount')
export class CompanyImpactStatusCountType {
  @Field(() => EngagementStatus)
  status!: EngagementStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CompanyImpactRegion', { description: 'A region the employees took part in' })
export class CompanyImpactRegionType {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  prefectureCode!: string | null;

  @Field(() => Int, { description: 'Engagements approved, active or completed' })
  engagements!: number;

  @Field(() => Float)
  hours!: number;
}

@ObjectType('CompanyImpactPrefecture')
export class CompanyImpactPrefectureType {
  @Field()
  prefectureCode!: string;

  @Field({ description: 'Japanese name' })
  nameJa!: string;

  @Field({ description: 'English name' })
  nameEn!: string;

  @Field(() => Int)
  engagements!: number;

  @Field(() => Float)
  hours!: number;
}

@ObjectType('CompanyImpactMonth')
export class CompanyImpactMonthType {
  @Field({ description: 'YYYY-MM, Japan time' })
  month!: string;

  @Field(() => Int, { description: 'Applications submitted that month' })
  applications!: number;

  @Field(() => Float, { description: 'Check-in hours the region approved that month' })
  hours!: number;
}

@ObjectType('CompanyImpact', {
  description:
    'What the company’s employees (members with a COMPANY_EMPLOYEE profile linked to it) did in ' +
    'the period: applications by when they were submitted, hours by when the region approved them.',
})
export class CompanyImpactType {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => Float, { description: 'Check-in hours the regions approved in the period' })
  hours!: number;

  @Field(() => Int, {
    description: 'Employees with an application or approved hours in the period',
  })
  participants!: number;

  @Field(() => Int, { description: 'Applications submitted in the period' })
  applications!: number;

  @Field(() => [CompanyImpactStatusCountType], {
    description: 'The period’s applications by their state now',
  })
  byStatus!: CompanyImpactStatusCountType[];

  @Field(() => [CompanyImpactRegionType], {
    description: 'Regions reached: an approved engagement or approved hours in the period',
  })
  regions!: CompanyImpactRegionType[];

  @Field(() => [CompanyImpactPrefectureType])
  prefectures!: CompanyImpactPrefectureType[];

  @Field(() => [CompanyImpactMonthType], { description: 'Every month of the period, in order' })
  months!: CompanyImpactMonthType[];
}
