// Japanese fiscal years (年度) run from 1 April to 31 March; FY2026 starts on 2026-04-01.
export const FIRST_FISCAL_YEAR = 2015;
// Targets may be planned a few years ahead, as multi-year grant programs are.
export const FISCAL_YEARS_AHEAD = 5;

// The fiscal year a moment falls in, in Japan time.
export function fiscalYearOf(at: Date): number {
  const japan = new Date(at.getTime() + 9 * 3600_000);
  const year = japan.getUTCFullYear();
  return japan.getUTCMonth() < 3 ? year - 1 : year;
}

export function lastPlannableFiscalYear(now = new Date()): number {
  return fiscalYearOf(now) + FISCAL_YEARS_AHEAD;
}

// The fiscal year's days, inclusive, as YYYY-MM-DD.
export function fiscalYearPeriod(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}
