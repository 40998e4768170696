import { Args, Query, Resolver } from '@nestjs/graphql';
import { EngagementKpiArgs, EngagementKpiType, KpiReportService } from '@tsunagu/insights';
import { Actor } from '@tsunagu/identity';
import { Allow, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

@Resolver()
export class KpiResolver {
  constructor(private readonly reports: KpiReportService) {}

  @Allow([Role.PLATFORM_ADMIN, Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'remit')
  @Query(() => [EngagementKpiType], {
    description: 'Reporting figures (KPI) in your remit or region for a period, grouped.',
  })
  async engagementKpis(
    @CurrentActor() actor: Actor,
    @Args() { filter, groupBy }: EngagementKpiArgs,
  ): Promise<EngagementKpiType[]> {
    return this.reports.figures(actor, filter, groupBy);
  }

  @Allow([Role.PLATFORM_ADMIN, Role.REGION_STAFF, Role.INTERMEDIARY_STAFF], 'remit')
  @Query(() => String, {
    description:
      'engagementKpis as CSV for Excel: UTF-8 with BOM, CRLF, Japanese headers (RFC 4180).',
  })
  async engagementKpisCsv(
    @CurrentActor() actor: Actor,
    @Args() { filter, groupBy }: EngagementKpiArgs,
  ): Promise<string> {
    return this.reports.csv(actor, filter, groupBy);
  }
}
