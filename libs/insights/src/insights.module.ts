import { Module } from '@nestjs/common';
import { IdentityModule } from '@tsunagu/identity';
import { KpiReportService } from './kpi-report.service';

// Reporting figures (KPI) over engagements and projects, read-only, kept to the actor's remit.
@Module({
  imports: [IdentityModule],
  providers: [KpiReportService],
  exports: [KpiReportService],
})
export class InsightsModule {}
