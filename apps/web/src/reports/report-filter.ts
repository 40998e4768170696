import type { EngagementKpiFilterInput, ParticipantKind } from '../gql/graphql';

// The reports' filters as the page's query string keeps them (a link or a reload shows the same
// report): fiscal year, program, region, theme and participant kind.
export interface ReportFilter {
  fiscalYear: number;
  programId?: string;
  regionId?: string;
  themeCode?: string;
  kind?: ParticipantKind;
}

// Japan's fiscal year runs from April to March: FY2026 is 2026-04-01 to 2027-03-31.
export function fiscalYearOf(day: Date): number {
  return day.getMonth() >= 3 ? day.getFullYear() : day.getFullYear() - 1;
}

export function periodOf(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

// The fiscal years offered: this one and the three before it.
export function fiscalYearsUpTo(current: number): number[] {
  return [current, current - 1, current - 2, current - 3];
}

const KINDS: readonly string[] = [
  'PRO_BONO',
  'UNIVERSITY_STUDENT',
  'HIGH_SCHOOL_STUDENT',
  'COMPANY_EMPLOYEE',
];

export function readFilter(params: URLSearchParams, today: Date): ReportFilter {
  const current = fiscalYearOf(today);
  const year = Number(params.get('fy'));
  const kind = params.get('kind') ?? '';
  return {
    fiscalYear: fiscalYearsUpTo(current).includes(year) ? year : current,
    programId: params.get('program') || undefined,
    regionId: params.get('region') || undefined,
    themeCode: params.get('theme') || undefined,
    kind: KINDS.includes(kind) ? (kind as ParticipantKind) : undefined,
  };
}

export function writeFilter(filter: ReportFilter): URLSearchParams {
  const entries: Array<[string, string | undefined]> = [
    ['fy', String(filter.fiscalYear)],
    ['program', filter.programId],
    ['region', filter.regionId],
    ['theme', filter.themeCode],
    ['kind', filter.kind],
  ];
  return new URLSearchParams(entries.filter((e): e is [string, string] => !!e[1]));
}

export function kpiFilterOf(filter: ReportFilter): EngagementKpiFilterInput {
  return {
    ...periodOf(filter.fiscalYear),
    programId: filter.programId ?? null,
    regionOrganizationId: filter.regionId ?? null,
    themeCode: filter.themeCode ?? null,
    participantKind: filter.kind ?? null,
  };
}

// The months of the fiscal year up to this month (YYYY-MM), so a chart over time has no gaps.
export function monthsOf(fiscalYear: number, today: Date): string[] {
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const date = new Date(Date.UTC(fiscalYear, 3 + i, 1));
    const key = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    const thisMonth = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
    if (key > thisMonth) break;
    months.push(key);
  }
  return months;
}

// The CSV download's address: the same filter, one grouping.
export function csvUrl(filter: EngagementKpiFilterInput, groupBy: string): string {
  const params = new URLSearchParams({ groupBy });
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  return `/reports/engagement-kpis.csv?${params.toString()}`;
}
