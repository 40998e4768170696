import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { EngagementKpiArgs, EngagementKpiType, KpiReportService } from '@tsunagu/insights';
import { Actor } from '@tsunagu/identity';
import { Allow, Role } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestLoaders } from '../graphql/data-loaders';

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
    @Context('loaders') loaders: RequestLoaders,
  ): Promise<EngagementKpiType[]> {
    // A screen asks for several groupings of one filter at once (aliases): batched.
    return loaders.kpis(actor).load({ filter, groupBy });
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
