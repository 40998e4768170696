import { FieldProblem } from '@tsunagu/core';

// Longer periods would make dashboards scan everything; multi-year trends use several reports.
export const KPI_MAX_PERIOD_YEARS = 5;

// The cross-field rules of a report period (each day already checked to be YYYY-MM-DD), as field
// problems under `filter`.
export function kpiPeriodProblems(from: string, to: string): FieldProblem[] {
  if (to < from) return [{ path: ['filter', 'to'], message: 'must not be before from' }];
  const [year, month, day] = from.split('-').map(Number);
  const limit = new Date(Date.UTC(year + KPI_MAX_PERIOD_YEARS, month - 1, day));
  if (new Date(`${to}T00:00:00Z`) >= limit) {
    return [
      {
        path: ['filter', 'to'],
        message: `must be less than ${KPI_MAX_PERIOD_YEARS} years after from`,
      },
    ];
  }
  return [];
}
