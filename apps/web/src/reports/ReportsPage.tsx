import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { downloadFile } from '../auth/download-file';
import { useSession } from '../auth/session-context';
import type {
  KpiFieldsFragment as KpiFields,
  ParticipantKind,
  ReportFilterOptionsQuery as ReportFilterOptions,
} from '../gql/graphql';
import { formatDate, formatNumber, formatPercent, formatYearMonth } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { PREFECTURES } from '../projects/prefectures';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { ChartFigure, type FigureTable } from './ChartFigure';
import {
  csvUrl,
  fiscalYearOf,
  fiscalYearsUpTo,
  kpiFilterOf,
  monthsOf,
  periodOf,
  readFilter,
  type ReportFilter,
  writeFilter,
} from './report-filter';
import { ReportFilterOptionsQuery, ReportKpisQuery } from './report-documents';

const KINDS: ParticipantKind[] = [
  'PRO_BONO',
  'UNIVERSITY_STUDENT',
  'HIGH_SCHOOL_STUDENT',
  'COMPANY_EMPLOYEE',
];
const CSV_GROUPINGS = [
  'MONTH',
  'NONE',
  'PROGRAM',
  'REGION',
  'THEME',
  'PARTICIPANT_KIND',
  'PREFECTURE',
] as const;

const charts = () => import('./kpi-charts');

// /manage/:orgId/reports: an intermediary's (or the platform's) figures for a fiscal year, as
// charts with their tables, a map of Japan and a CSV file for the government's forms.
export default function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => new Date(), []);
  const filter = readFilter(params, today);
  const change = (next: Partial<ReportFilter>) =>
    setParams(writeFilter({ ...filter, ...next }), { replace: true });
  const { organization } = useWorkspace();
  const [{ data: options }] = useQuery({
    query: ReportFilterOptionsQuery,
    variables: {
      intermediaryOrganizationId: organization.id,
      withPrograms: organization.kind === 'INTERMEDIARY',
      period: periodOf(filter.fiscalYear),
    },
  });
  return (
    <Stack>
      <Title order={2}>{t('reports.title')}</Title>
      <Text>{t('reports.intro')}</Text>
      <ReportFilters filter={filter} today={today} options={options} onChange={change} />
      <ReportFigures filter={filter} today={today} themes={options?.themes ?? []} />
    </Stack>
  );
}

function ReportFilters({
  filter,
  today,
  options: data,
  onChange,
}: {
  filter: ReportFilter;
  today: Date;
  options: ReportFilterOptions | undefined;
  onChange: (next: Partial<ReportFilter>) => void;
}) {
  const { t, i18n } = useTranslation();
  const isIntermediary = useWorkspace().organization.kind === 'INTERMEDIARY';
  const themes = data?.themes ?? [];
  const all = { value: '', label: t('reports.all') };
  const { from, to } = periodOf(filter.fiscalYear);
  return (
    <Paper withBorder p="md" component="section" aria-label={t('reports.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Select
          label={t('reports.period')}
          description={t('reports.periodLabel', {
            from: formatDate(from, i18n.language),
            to: formatDate(to, i18n.language),
          })}
          data={fiscalYearsUpTo(fiscalYearOf(today)).map((year) => ({
            value: String(year),
            label: t('reports.fiscalYear', { year }),
          }))}
          value={String(filter.fiscalYear)}
          onChange={(value) => value && onChange({ fiscalYear: Number(value) })}
          allowDeselect={false}
        />
        {isIntermediary && (
          <Select
            label={t('reports.program')}
            data={[all, ...(data?.programs ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            value={filter.programId ?? ''}
            onChange={(value) => onChange({ programId: value || undefined })}
            allowDeselect={false}
          />
        )}
        <Select
          label={t('reports.region')}
          data={[
            all,
            ...(data?.regions ?? [])
              .filter((r) => r.key)
              .map((r) => ({ value: r.key!, label: r.label })),
          ]}
          value={filter.regionId ?? ''}
          onChange={(value) => onChange({ regionId: value || undefined })}
          allowDeselect={false}
          searchable
        />
        <Select
          label={t('reports.theme')}
          data={[
            all,
            ...themes.map((th) => ({ value: th.code, label: localName(th, i18n.language) })),
          ]}
          value={filter.themeCode ?? ''}
          onChange={(value) => onChange({ themeCode: value || undefined })}
          allowDeselect={false}
        />
        <Select
          label={t('reports.kind')}
          data={[all, ...KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))]}
          value={filter.kind ?? ''}
          onChange={(value) => onChange({ kind: (value || undefined) as ParticipantKind })}
          allowDeselect={false}
        />
      </SimpleGrid>
    </Paper>
  );
}

function ReportFigures({
  filter,
  today,
  themes,
}: {
  filter: ReportFilter;
  today: Date;
  themes: ReportFilterOptions['themes'];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const kpiFilter = kpiFilterOf(filter);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReportKpisQuery,
    variables: { filter: kpiFilter },
  });
  if (!data && fetching) return <LoadingState />;
  if (!data?.overall[0]) return <ErrorState error={error!} onRetry={() => refetch()} />;
  const { byMonth, byTheme, byKind, byPrefecture } = data;
  const overall = data.overall[0];

  const n = (value: number) => formatNumber(value, language);
  const share = (value: number | null | undefined) =>
    value === null || value === undefined ? t('reports.none') : formatPercent(value, language);
  const hours = (value: number) => t('reports.hours', { value: n(value) });
  const applications = t('reports.figure.applications');
  const matches = t('reports.figure.matches');

  const monthKeys = monthsOf(filter.fiscalYear, today);
  const month = (key: string) => byMonth.find((r) => r.key === key);
  const monthLabels = monthKeys.map((key) => formatYearMonth(key, language));
  const themeName = (row: KpiFields) => {
    const theme = themes.find((th) => th.code === row.key);
    return theme ? localName(theme, language) : row.label;
  };
  const prefecture = (row: KpiFields) => PREFECTURES.find((p) => p.code === row.key);
  const empty =
    overall.applications === 0 && overall.hoursContributed === 0 && overall.offers === 0;

  const countsTable = (
    first: string,
    list: KpiFields[],
    name: (r: KpiFields) => string,
  ): FigureTable => ({
    columns: [first, applications, matches],
    rows: list.map((r) => ({
      key: r.key ?? r.label,
      cells: [name(r), n(r.applications), n(r.matches)],
    })),
  });
  const signature = JSON.stringify([data, language, monthKeys.length]);

  return (
    <Stack gap="xl">
      <Paper withBorder p="md" component="section" aria-label={t('reports.summary')}>
        <Group justify="space-between" align="flex-start" mb="sm">
          <Title order={2} size="h4">
            {t('reports.summary')}
          </Title>
          <CsvDownload filter={kpiFilter} />
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Figure label={applications} value={n(overall.applications)} />
          <Figure label={matches} value={n(overall.matches)} />
          <Figure
            label={t('reports.figure.acceptanceRate')}
            value={share(overall.acceptanceRate)}
          />
          <Figure
            label={t('reports.figure.hoursContributed')}
            value={hours(overall.hoursContributed)}
          />
          <Figure
            label={t('reports.figure.activeEngagements')}
            value={n(overall.activeEngagements ?? 0)}
          />
          <Figure
            label={t('reports.figure.completionRate')}
            value={share(overall.completionRate)}
          />
        </SimpleGrid>
      </Paper>
      {empty ? (
        <EmptyState title={t('reports.empty')} hint={t('reports.emptyHint')} />
      ) : (
        <>
          <ChartFigure
            testId="chart-over-time"
            title={t('reports.chart.overTime')}
            signature={signature}
            draw={async (el) =>
              (await charts()).drawSeriesChart(el, {
                kind: 'line',
                categories: monthLabels,
                series: [
                  { name: applications, values: monthKeys.map((k) => month(k)?.applications ?? 0) },
                  { name: matches, values: monthKeys.map((k) => month(k)?.matches ?? 0) },
                ],
              })
            }
            table={{
              columns: [t('reports.chart.month'), applications, matches],
              rows: monthKeys.map((k, i) => ({
                key: k,
                cells: [monthLabels[i], n(month(k)?.applications ?? 0), n(month(k)?.matches ?? 0)],
              })),
            }}
          />
          <ChartFigure
            testId="chart-by-theme"
            title={t('reports.chart.byTheme')}
            signature={signature}
            height={Math.max(180, byTheme.length * 44)}
            draw={async (el) =>
              (await charts()).drawSeriesChart(el, {
                kind: 'bar',
                horizontal: true,
                categories: byTheme.map(themeName),
                series: [
                  { name: applications, values: byTheme.map((r) => r.applications) },
                  { name: matches, values: byTheme.map((r) => r.matches) },
                ],
              })
            }
            table={countsTable(t('reports.theme'), byTheme, themeName)}
          />
          <ChartFigure
            testId="chart-by-kind"
            title={t('reports.chart.byKind')}
            signature={signature}
            height={220}
            draw={async (el) =>
              (await charts()).drawSeriesChart(el, {
                kind: 'bar',
                horizontal: true,
                categories: byKind.map((r) => t(`kind.${r.key}`)),
                series: [
                  { name: applications, values: byKind.map((r) => r.applications) },
                  { name: matches, values: byKind.map((r) => r.matches) },
                ],
              })
            }
            table={countsTable(t('reports.kind'), byKind, (r) => t(`kind.${r.key}`))}
          />
          <ChartFigure
            testId="chart-hours"
            title={t('reports.chart.hours')}
            signature={signature}
            draw={async (el) =>
              (await charts()).drawSeriesChart(el, {
                kind: 'bar',
                categories: monthLabels,
                series: [
                  {
                    name: t('reports.figure.hoursContributed'),
                    values: monthKeys.map((k) => month(k)?.hoursContributed ?? 0),
                  },
                ],
              })
            }
            table={{
              columns: [t('reports.chart.month'), t('reports.figure.hoursContributed')],
              rows: monthKeys.map((k, i) => ({
                key: k,
                cells: [monthLabels[i], hours(month(k)?.hoursContributed ?? 0)],
              })),
            }}
          />
          <ChartFigure
            testId="chart-map"
            title={t('reports.chart.map')}
            signature={signature}
            height={420}
            draw={async (el) =>
              (await charts()).drawPrefectureMap(el, {
                legend: t('reports.chart.mapLegend'),
                values: byPrefecture
                  .filter((r) => prefecture(r))
                  .map((r) => ({ name: prefecture(r)!.en, value: r.applications })),
              })
            }
            table={countsTable(t('reports.chart.prefecture'), byPrefecture, (r) => {
              const p = prefecture(r);
              return p ? (language === 'en' ? p.en : p.ja) : r.label;
            })}
          />
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </div>
  );
}

// The figures as a CSV file for spreadsheets, grouped as chosen.
function CsvDownload({ filter }: { filter: ReturnType<typeof kpiFilterOf> }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [groupBy, setGroupBy] = useState<string>('MONTH');
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');
  const download = async () => {
    setState('working');
    try {
      await downloadFile(
        session,
        csvUrl(filter, groupBy),
        `tsunagu-kpi-${filter.from}_${filter.to}.csv`,
      );
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs" align="flex-end">
        <Select
          label={t('reports.csvGroupBy')}
          size="xs"
          w={180}
          data={CSV_GROUPINGS.map((g) => ({ value: g, label: t(`reports.groupBy.${g}`) }))}
          value={groupBy}
          onChange={(value) => value && setGroupBy(value)}
          allowDeselect={false}
        />
        <Button
          size="xs"
          variant="default"
          loading={state === 'working'}
          onClick={() => void download()}
        >
          {t('reports.download')}
        </Button>
      </Group>
      <div aria-live="polite">
        {state === 'done' && <Text size="sm">{t('reports.downloaded')}</Text>}
        {state === 'failed' && (
          <Alert color="red" role="alert" p="xs">
            {t('reports.downloadFailed')}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
