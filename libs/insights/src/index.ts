export * from './insights.module';
export * from './kpi-csv';
export * from './kpi-period';
export * from './kpi-report.service';
export * from './kpi-report.types';
export * from './program-report.service';
export * from './program-report.types';
