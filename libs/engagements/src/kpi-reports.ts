// Reporting figures (KPI / PDCA): SQL aggregates over engagements, and their CSV export.
import { KpiReportService } from './kpi-report.service';

export * from './kpi-csv';
export * from './kpi-period';
export * from './kpi-report.service';
export * from './kpi-report.types';

export const KPI_PROVIDERS = [KpiReportService];
