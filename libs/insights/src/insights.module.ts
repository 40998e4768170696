import { Module } from '@nestjs/common';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { CompanyImpactService } from './company-impact.service';
import { KpiReportService } from './kpi-report.service';
import { ProgramReportService } from './program-report.service';

// Reporting figures (KPI) over engagements and projects, read-only, kept to the actor's remit;
// programs' reports against the targets their intermediaries set (projects); a company's impact.
@Module({
  imports: [IdentityModule, ProjectsModule],
  providers: [KpiReportService, ProgramReportService, CompanyImpactService],
  exports: [KpiReportService, ProgramReportService, CompanyImpactService],
})
export class InsightsModule {}
