export * from './company-impact.service';
export * from './company-impact.types';
export * from './insights.module';
export * from './kpi-csv';
export * from './kpi-period';
export * from './kpi-report.service';
export * from './kpi-report.types';
