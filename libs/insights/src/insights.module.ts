import { Module } from '@nestjs/common';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { KpiReportService } from './kpi-report.service';
import { ProgramReportService } from './program-report.service';

// Reporting figures (KPI) over engagements and projects, read-only, kept to the actor's remit;
// programs' reports against the targets their intermediaries set (projects).
@Module({
  imports: [IdentityModule, ProjectsModule],
  providers: [KpiReportService, ProgramReportService],
  exports: [KpiReportService, ProgramReportService],
})
export class InsightsModule {}
