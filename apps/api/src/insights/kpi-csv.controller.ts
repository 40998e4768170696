import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { normaliseInput, OperationRateLimiter, validationError } from '@tsunagu/core';
import { ActorService, TokenService } from '@tsunagu/identity';
import { EngagementKpiArgs, KpiGroupBy, KpiReportService } from '@tsunagu/insights';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../auth/authorisation';
import { downloadActor, sendRefusal } from '../http/http-download';

// One aggregate query over the period, like a mutation's cost.
const KPI_CSV_COST = 10;

// The query string's names, as the filter's fields of engagementKpisCsv.
const FILTER_PARAMS = [
  'from',
  'to',
  'intermediaryOrganizationId',
  'programId',
  'regionOrganizationId',
  'themeCode',
  'participantKind',
] as const;

// engagementKpisCsv as a file the browser saves (GET /reports/engagement-kpis.csv?from=…&to=…
// &groupBy=…): the same figures, remit and CSV, authenticated by the access token. The role check
// is the service's (KpiReportService refuses anyone without a remit, region or admin role).
@Public()
@Controller('reports')
export class KpiCsvController {
  constructor(
    private readonly tokens: TokenService,
    private readonly actors: ActorService,
    private readonly limiter: OperationRateLimiter,
    private readonly reports: KpiReportService,
  ) {}

  @Get('engagement-kpis.csv')
  async download(
    @Req() req: Request,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const actor = await downloadActor(
        req,
        { tokens: this.tokens, actors: this.actors, limiter: this.limiter },
        KPI_CSV_COST,
      );
      const { filter, groupBy } = await kpiArgs(query);
      const csv = await this.reports.csv(actor, filter, groupBy);
      const grouping = groupBy === KpiGroupBy.NONE ? '' : `-${groupBy.toLowerCase()}`;
      const name = `tsunagu-kpi-${filter.from}_${filter.to}${grouping}.csv`;
      res
        .status(200)
        .setHeader('Content-Type', 'text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${name}"`)
        .setHeader('Cache-Control', 'no-store')
        .send(csv);
    } catch (error) {
      sendRefusal(res, error);
    }
  }
}

// The query string as EngagementKpiArgs, validated like the GraphQL arguments (field paths under
// "filter"); an empty parameter is a left-out one.
async function kpiArgs(query: Record<string, unknown>): Promise<EngagementKpiArgs> {
  const given = (name: string) => (query[name] === '' ? undefined : query[name]);
  const filter = Object.fromEntries(FILTER_PARAMS.map((name) => [name, given(name)]));
  const args = normaliseInput(
    plainToInstance(EngagementKpiArgs, {
      filter,
      groupBy: given('groupBy') ?? KpiGroupBy.NONE,
    }),
  );
  const errors = await validate(args, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) throw validationError(errors, []);
  return args;
}
