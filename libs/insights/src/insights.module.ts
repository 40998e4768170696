import { Module } from '@nestjs/common';
import { IdentityModule } from '@tsunagu/identity';
import { CompanyImpactService } from './company-impact.service';
import { KpiReportService } from './kpi-report.service';

// Reporting figures (KPI) over engagements and projects, read-only, kept to the actor's remit.
@Module({
  imports: [IdentityModule],
  providers: [KpiReportService, CompanyImpactService],
  exports: [KpiReportService, CompanyImpactService],
})
export class InsightsModule {}
