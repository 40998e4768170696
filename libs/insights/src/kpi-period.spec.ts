import { kpiPeriodProblems } from './kpi-period';

describe('kpiPeriodProblems', () => {
  it('accepts a single day and a period just under five years', () => {
    expect(kpiPeriodProblems('2025-04-01', '2025-04-01')).toEqual([]);
    expect(kpiPeriodProblems('2025-04-01', '2030-03-31')).toEqual([]);
  });

  it('rejects an end before the start', () => {
    expect(kpiPeriodProblems('2025-04-02', '2025-04-01')).toEqual([
      { path: ['filter', 'to'], message: 'must not be before from' },
    ]);
  });

  it('rejects five years or more', () => {
    expect(kpiPeriodProblems('2025-04-01', '2030-04-01')).toEqual([
      { path: ['filter', 'to'], message: 'must be less than 5 years after from' },
    ]);
  });
});
