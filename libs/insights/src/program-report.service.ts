import { Injectable } from '@nestjs/common';
import { Actor } from '@tsunagu/identity';
import {
  fiscalYearOf,
  fiscalYearPeriod,
  ProgramKpiMetric,
  ProgramPlanService,
  toProgramType,
} from '@tsunagu/projects';
import { KpiReportService } from './kpi-report.service';
import { EngagementKpiType, KpiGroupBy } from './kpi-report.types';
import { ProgramReportType } from './program-report.types';

// Which figure of the KPI report each target is measured against.
const FIGURE: Record<ProgramKpiMetric, (k: EngagementKpiType) => number> = {
  [ProgramKpiMetric.PROJECTS_PUBLISHED]: (k) => k.projectsPublished ?? 0,
  [ProgramKpiMetric.APPLICATIONS]: (k) => k.applications,
  [ProgramKpiMetric.MATCHES]: (k) => k.matches,
  [ProgramKpiMetric.PARTICIPANTS]: (k) => k.participants,
  [ProgramKpiMetric.COMPLETED_ENGAGEMENTS]: (k) => k.completedEngagements,
  [ProgramKpiMetric.HOURS_CONTRIBUTED]: (k) => k.hoursContributed,
};

// A program's fiscal year as its intermediary reports it: targets against the KPI report's
// figures (the same computation as engagementKpis), breakdowns, the year before and PDCA notes.
@Injectable()
export class ProgramReportService {
  constructor(
    private readonly plans: ProgramPlanService,
    private readonly kpis: KpiReportService,
  ) {}

  async report(
    actor: Actor,
    programId: string,
    fiscalYear = fiscalYearOf(new Date()),
  ): Promise<ProgramReportType> {
    // Refuses anyone but the program's staff and platform admins before any figure is computed.
    const plan = await this.plans.planOf(actor, programId, fiscalYear);
    const period = fiscalYearPeriod(fiscalYear);
    // Two statements, each one pass over its year's facts, instead of one per breakdown.
    const [[[totals], byTheme, byPrefecture, byParticipantKind], [[previousTotals]]] =
      await Promise.all([
        this.kpis.programFigures(programId, period, [
          KpiGroupBy.NONE,
          KpiGroupBy.THEME,
          KpiGroupBy.PREFECTURE,
          KpiGroupBy.PARTICIPANT_KIND,
        ]),
        this.kpis.programFigures(programId, fiscalYearPeriod(fiscalYear - 1), [KpiGroupBy.NONE]),
      ]);
    const targetOf = new Map(plan.targets.map((t) => [t.metric, t.target]));
    return {
      program: toProgramType(plan.program),
      fiscalYear,
      ...period,
      kpis: Object.values(ProgramKpiMetric).map((metric) => {
        const target = targetOf.get(metric) ?? null;
        const result = FIGURE[metric](totals);
        return {
          metric,
          target,
          result,
          previousResult: FIGURE[metric](previousTotals),
          achievementRate: target === null ? null : result / target,
        };
      }),
      targets: plan.targets,
      totals,
      previousTotals,
      byTheme,
      byPrefecture,
      byParticipantKind,
      review: plan.review,
    };
  }
}
