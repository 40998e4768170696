import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { StatusBadge } from '../engagements/StatusBadge';
import type { CompanyImpactQuery as ImpactData } from '../gql/graphql';
import { DayField } from '../i18n/DayField';
import { isDay } from '../i18n/day';
import { formatDate, formatNumber, formatYearMonth, todayInJapan } from '../i18n/format';
import { PREFECTURES } from '../projects/prefectures';
import { ChartFigure } from '../reports/ChartFigure';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { CompanyImpactQuery } from './company-documents';
import { saveCsv, toCsv } from './impact-csv';
import { OwnerOnly } from './OwnerOnly';
import './impact-print.css';

const charts = () => import('../reports/kpi-charts');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Today in Japan, and the Japanese fiscal year's first day (1 April) it falls in.
function defaultPeriod(now: Date): { from: string; to: string } {
  const to = todayInJapan(now);
  const [year, month] = to.split('-').map(Number);
  return { from: `${month >= 4 ? year : year - 1}-04-01`, to };
}

// /manage/:orgId/company/impact: what the company's employees did in regions over a period, as
// figures, a chart with its table, the regions reached, a CSV file and a print layout for the
// company's CSR report. The period is in the address.
export function ImpactPage() {
  const { t } = useTranslation();
  return (
    <OwnerOnly title={t('company.impact.title')}>
      <Impact />
    </OwnerOnly>
  );
}

function Impact() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fallback = useMemo(() => defaultPeriod(new Date()), []);
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : fallback.from;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : fallback.to;
  const [draft, setDraft] = useState({ from, to });
  const invalid = draft.from > draft.to;
  return (
    <Stack>
      <Text className="impact-no-print">{t('company.impact.intro')}</Text>
      <form
        className="impact-no-print"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid && isDay(draft.from) && isDay(draft.to))
            setParams({ from: draft.from, to: draft.to }, { replace: true });
        }}
      >
        <Group align="flex-end" wrap="wrap" gap="sm">
          <DayField
            label={t('company.impact.from')}
            withHint={false}
            value={draft.from}
            onChange={(day) => setDraft({ ...draft, from: day })}
            w={200}
          />
          <DayField
            label={t('company.impact.to')}
            withHint={false}
            value={draft.to}
            onChange={(day) => setDraft({ ...draft, to: day })}
            error={invalid ? t('company.impact.periodInvalid') : undefined}
            w={200}
          />
          <Button type="submit" variant="light" disabled={invalid}>
            {t('company.impact.show')}
          </Button>
        </Group>
      </form>
      <ImpactFigures from={from} to={to} />
    </Stack>
  );
}

function ImpactFigures({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { organization } = useWorkspace();
  const [{ data, error }, refetch] = useQuery({
    query: CompanyImpactQuery,
    variables: { companyOrganizationId: organization.id, from, to },
    requestPolicy: 'cache-and-network',
  });
  if (!data && error)
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;
  const impact = data.companyImpact;
  const n = (value: number) => formatNumber(value, lang);
  const hours = (value: number) => t('company.impact.hoursValue', { value: n(value) });
  const prefectureName = (code: string) => {
    const p = PREFECTURES.find((x) => x.code === code);
    return p ? (lang === 'en' ? p.en : p.ja) : code;
  };
  const monthLabels = impact.months.map((m) => formatYearMonth(m.month, lang));
  const empty = impact.applications === 0 && impact.hours === 0;
  const heading = t('company.impact.figures', {
    from: formatDate(from, lang),
    to: formatDate(to, lang),
  });
  const download = () =>
    saveCsv(csvOf(impact, t, prefectureName, heading), `impact-${from}_${to}.csv`);
  return (
    <Stack className="impact-report">
      <Paper withBorder p="md" component="section" aria-labelledby="impact-figures">
        <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
          <Title order={3} size="h4" id="impact-figures">
            {organization.name} — {heading}
          </Title>
          <Group gap="xs" className="impact-no-print">
            <Button size="xs" variant="default" onClick={download} disabled={empty}>
              {t('company.impact.csv')}
            </Button>
            <Button size="xs" variant="default" onClick={() => window.print()}>
              {t('company.impact.print')}
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" data-testid="impact-figures">
          <Figure label={t('company.impact.hours')} value={hours(impact.hours)} />
          <Figure
            label={t('company.impact.participants')}
            value={t('company.impact.participantsValue', { value: n(impact.participants) })}
          />
          <Figure label={t('company.impact.applications')} value={n(impact.applications)} />
          <Figure
            label={t('company.impact.regions')}
            value={t('company.impact.regionsValue', { value: n(impact.regions.length) })}
          />
        </SimpleGrid>
        <Text size="sm" c="gray.7" mt="sm">
          {t('company.impact.note')}
        </Text>
      </Paper>
      {empty ? (
        <EmptyState title={t('company.impact.empty')} hint={t('company.impact.emptyHint')} />
      ) : (
        <>
          <ChartFigure
            testId="impact-by-month"
            title={t('company.impact.byMonth')}
            signature={`${from}:${to}:${JSON.stringify(impact.months)}`}
            draw={async (el) =>
              (await charts()).drawSeriesChart(el, {
                kind: 'bar',
                categories: monthLabels,
                series: [
                  {
                    name: t('company.impact.applications'),
                    values: impact.months.map((m) => m.applications),
                  },
                  { name: t('company.impact.hours'), values: impact.months.map((m) => m.hours) },
                ],
              })
            }
            table={{
              columns: [
                t('company.impact.month'),
                t('company.impact.applications'),
                t('company.impact.hours'),
              ],
              rows: impact.months.map((m, i) => ({
                key: m.month,
                cells: [monthLabels[i], n(m.applications), hours(m.hours)],
              })),
            }}
          />
          <section aria-labelledby="impact-status">
            <Title order={2} size="h4" mb="xs" id="impact-status">
              {t('company.impact.byStatus')}
            </Title>
            <Table striped withTableBorder fz="sm" maw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('company.impact.status')}</Table.Th>
                  <Table.Th ta="right">{t('company.impact.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {impact.byStatus.map((s) => (
                  <Table.Tr key={s.status}>
                    <Table.Td>
                      <StatusBadge status={s.status} />
                    </Table.Td>
                    <Table.Td ta="right">{n(s.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
          <section aria-labelledby="impact-regions">
            <Title order={2} size="h4" mb="xs" id="impact-regions">
              {t('company.impact.regionTable')}
            </Title>
            {impact.regions.length === 0 ? (
              <Text c="gray.7">{t('company.impact.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table striped withTableBorder fz="sm" data-testid="impact-regions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('company.impact.region')}</Table.Th>
                      <Table.Th>{t('company.impact.prefecture')}</Table.Th>
                      <Table.Th ta="right">{t('company.impact.engagementsColumn')}</Table.Th>
                      <Table.Th ta="right">{t('company.impact.hoursColumn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {impact.regions.map((r) => (
                      <Table.Tr key={r.organizationId}>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>
                          {r.prefectureCode ? prefectureName(r.prefectureCode) : ''}
                        </Table.Td>
                        <Table.Td ta="right">{n(r.engagements)}</Table.Td>
                        <Table.Td ta="right">{hours(r.hours)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {impact.prefectures.length > 0 && (
              <Text size="sm" mt="xs">
                {t('company.impact.prefectures')}:{' '}
                {impact.prefectures
                  .map((p) => prefectureName(p.prefectureCode))
                  .join(lang === 'ja' ? '、' : ', ')}
              </Text>
            )}
          </section>
        </>
      )}
      {!empty && impact.regions.length === 0 && (
        <Alert color="blue" className="impact-no-print">
          {t('company.impact.emptyHint')}
        </Alert>
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
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </div>
  );
}

function csvOf(
  impact: ImpactData['companyImpact'],
  t: (key: string, options?: Record<string, unknown>) => string,
  prefectureName: (code: string) => string,
  heading: string,
): string {
  return toCsv([
    {
      title: heading,
      rows: [
        [t('company.impact.hours'), impact.hours],
        [t('company.impact.participants'), impact.participants],
        [t('company.impact.applications'), impact.applications],
        [t('company.impact.regions'), impact.regions.length],
      ],
    },
    {
      title: t('company.impact.byMonth'),
      rows: [
        [t('company.impact.month'), t('company.impact.applications'), t('company.impact.hours')],
        ...impact.months.map((m) => [m.month, m.applications, m.hours]),
      ],
    },
    {
      title: t('company.impact.byStatus'),
      rows: [
        [t('company.impact.status'), t('company.impact.count')],
        ...impact.byStatus.map((s) => [t(`engagements.status.${s.status}`), s.count]),
      ],
    },
    {
      title: t('company.impact.regionTable'),
      rows: [
        [
          t('company.impact.region'),
          t('company.impact.prefecture'),
          t('company.impact.engagementsColumn'),
          t('company.impact.hoursColumn'),
        ],
        ...impact.regions.map((r) => [
          r.name,
          r.prefectureCode ? prefectureName(r.prefectureCode) : '',
          r.engagements,
          r.hours,
        ]),
      ],
    },
  ]);
}
