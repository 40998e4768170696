import { describe, expect, it } from 'vitest';
import {
  csvUrl,
  fiscalYearOf,
  kpiFilterOf,
  monthsOf,
  readFilter,
  writeFilter,
} from './report-filter';

describe('report filters', () => {
  it('reads the fiscal year from April to March', () => {
    expect(fiscalYearOf(new Date(2027, 2, 31))).toBe(2026);
    expect(fiscalYearOf(new Date(2027, 3, 1))).toBe(2027);
  });

  it('keeps filters in the query string and ignores what it does not know', () => {
    const today = new Date(2026, 11, 5);
    const filter = {
      fiscalYear: 2025,
      programId: 'p1',
      themeCode: 'work',
      kind: 'PRO_BONO' as const,
    };
    expect(readFilter(writeFilter(filter), today)).toEqual({ ...filter, regionId: undefined });
    expect(readFilter(new URLSearchParams('fy=1999&kind=ALIEN'), today)).toEqual({
      fiscalYear: 2026,
      programId: undefined,
      regionId: undefined,
      themeCode: undefined,
      kind: undefined,
    });
  });

  it('asks for the fiscal year as a period, and the CSV with the same filter', () => {
    const filter = kpiFilterOf({ fiscalYear: 2026, themeCode: 'work' });
    expect(filter).toMatchObject({ from: '2026-04-01', to: '2027-03-31', programId: null });
    expect(csvUrl(filter, 'MONTH')).toBe(
      '/reports/engagement-kpis.csv?groupBy=MONTH&from=2026-04-01&to=2027-03-31&themeCode=work',
    );
  });

  it('lists the months of the year so far, without gaps', () => {
    expect(monthsOf(2026, new Date(2026, 5, 15))).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(monthsOf(2025, new Date(2026, 11, 5))).toHaveLength(12);
  });
});
