import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type {
  KpiFieldsFragment as KpiFields,
  ProgramKpiMetric,
  ProgramReportQuery as ProgramReportData,
} from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate, formatNumber, formatPercent } from '../i18n/format';
import { PREFECTURES } from '../projects/prefectures';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { ChartFigure, type FigureTable } from './ChartFigure';
import {
  ProgramReportQuery,
  SetProgramKpiTargetsMutation,
  SetProgramReviewMutation,
} from './program-report-documents';
import { fiscalYearOf } from './report-filter';
import './program-report.css';
import { FormError } from '../app/FormError';

type Report = ProgramReportData['programReport'];
const COUNTED: ReadonlySet<ProgramKpiMetric> = new Set([
  'PROJECTS_PUBLISHED',
  'APPLICATIONS',
  'MATCHES',
  'PARTICIPANTS',
  'COMPLETED_ENGAGEMENTS',
]);
const REVIEW_FIELDS = ['plan', 'execution', 'evaluation', 'improvement'] as const;
type ReviewField = (typeof REVIEW_FIELDS)[number];

const charts = () => import('./kpi-charts');

// The fiscal years offered: next year (targets are planned ahead), this one and three before.
function fiscalYearsAround(current: number): number[] {
  return [current + 1, current, current - 1, current - 2, current - 3];
}

// /manage/:orgId/programs/:programId/report?fiscalYear=…: a program's year as its intermediary
// hands it to the prefecture (KPI targets against results, breakdowns, PDCA), printable on A4,
// with the forms that set its targets and notes below it (not printed).
export default function ProgramReportPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const { organization } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const current = useMemo(() => fiscalYearOf(new Date()), []);
  const years = fiscalYearsAround(current);
  const asked = Number(params.get('fiscalYear'));
  const fiscalYear = years.includes(asked) ? asked : current;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProgramReportQuery,
    variables: { programId, fiscalYear },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const back = `/manage/${organization.id}/programs`;

  let body;
  if (!data && fetching) body = <LoadingState />;
  else if (!data) {
    const missing = error?.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)),
    );
    body = missing ? (
      <EmptyState title={t('programReport.notFound')} />
    ) : (
      <ErrorState error={error!} onRetry={refresh} />
    );
  } else {
    body = (
      <>
        <ReportSheet report={data.programReport} organizationName={organization.name} />
        <Paper withBorder p="md" component="section" className="no-print" aria-labelledby="edit">
          <Stack>
            <div>
              <Title order={2} size="h3" id="edit">
                {t('programReport.edit')}
              </Title>
              <Text size="sm" c="gray.7">
                {t('programReport.editHint')}
              </Text>
            </div>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
              {/* Keyed by the year shown: while another year loads, the last one's data stays. */}
              <TargetsForm
                key={`targets-${data.programReport.fiscalYear}`}
                report={data.programReport}
                onSaved={refresh}
              />
              <ReviewForm
                key={`review-${data.programReport.fiscalYear}`}
                report={data.programReport}
                onSaved={refresh}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
      </>
    );
  }

  return (
    <Stack className="program-report">
      <Group justify="space-between" align="flex-end" className="no-print">
        <Anchor component={Link} to={back}>
          {t('programReport.back')}
        </Anchor>
        <Group align="flex-end">
          <Select
            label={t('programReport.fiscalYear')}
            data={years.map((year) => ({
              value: String(year),
              label: t('reports.fiscalYear', { year }),
            }))}
            value={String(fiscalYear)}
            onChange={(value) => value && setParams({ fiscalYear: value }, { replace: true })}
            allowDeselect={false}
            w={140}
          />
          <Button onClick={() => window.print()} disabled={!data}>
            {t('programReport.print')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="gray.7" className="no-print">
        {t('programReport.printHint')}
      </Text>
      {body}
    </Stack>
  );
}

// The report itself: what is printed.
function ReportSheet({ report, organizationName }: { report: Report; organizationName: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (value: number) => formatNumber(value, language);
  const today = useMemo(() => new Date().toISOString(), []);
  const { review, byTheme, byPrefecture, byParticipantKind: byKind } = report;
  const kindName = (r: KpiFields) => t(`kind.${r.key}`);
  const prefectureName = (r: KpiFields) => {
    const p = PREFECTURES.find((x) => x.code === r.key);
    return p ? (language === 'en' ? p.en : p.ja) : r.label;
  };
  const applications = t('reports.figure.applications');
  const matches = t('reports.figure.matches');
  const signature = JSON.stringify([report.fiscalYear, byTheme, byPrefecture, byKind, language]);
  const table = (first: string, list: readonly KpiFields[], name: (r: KpiFields) => string) =>
    ({
      columns: [first, applications, matches],
      rows: list.map((r) => ({
        key: r.key ?? r.label,
        cells: [name(r), n(r.applications), n(r.matches)],
      })),
    }) satisfies FigureTable;
  const figure = (
    testId: string,
    title: string,
    first: string,
    list: readonly KpiFields[],
    name: (r: KpiFields) => string,
  ) => (
    <ChartFigure
      testId={testId}
      title={title}
      signature={signature}
      height={Math.max(160, list.length * 44)}
      draw={async (el) =>
        (await charts()).drawSeriesChart(el, {
          kind: 'bar',
          horizontal: true,
          categories: list.map(name),
          series: [
            { name: applications, values: list.map((r) => r.applications) },
            { name: matches, values: list.map((r) => r.matches) },
          ],
        })
      }
      table={table(first, list, name)}
    />
  );

  return (
    <article className="program-report-sheet" aria-labelledby="report-title">
      <Stack gap={4} align="center" mb="md">
        <Title order={2} id="report-title" ta="center">
          {t('programReport.title', { year: report.fiscalYear })}
        </Title>
        <Text fw={700} ta="center">
          {report.program.name}
        </Text>
        <Text size="sm">
          {organizationName} ・ {t('programReport.issuedOn')} {formatDate(today, language)}
        </Text>
      </Stack>

      <section className="report-section" aria-labelledby="report-overview">
        <Title order={3} id="report-overview" mb="xs">
          {t('programReport.overview')}
        </Title>
        <Table withTableBorder withColumnBorders fz="sm">
          <Table.Tbody>
            <Row label={t('programReport.programName')} value={report.program.name} />
            <Row label={t('programReport.organization')} value={organizationName} />
            <Row
              label={t('programReport.period')}
              value={t('reports.periodLabel', {
                from: formatDate(report.from, language),
                to: formatDate(report.to, language),
              })}
            />
            <Row
              label={t('programReport.description')}
              value={report.program.description || t('programReport.noDescription')}
            />
          </Table.Tbody>
        </Table>

        <Title order={3} mt="lg" mb="xs">
          {t('programReport.kpis')}
        </Title>
        <KpiTable report={report} />
        <Text size="xs" mt={4}>
          {t('programReport.kpisNote')}
        </Text>
      </section>

      <section className="report-section" aria-labelledby="report-breakdown">
        <Title order={3} id="report-breakdown" mb="xs">
          {t('programReport.breakdown')}
        </Title>
        <Stack gap="lg">
          {figure(
            'by-theme',
            t('programReport.byTheme'),
            t('reports.theme'),
            byTheme,
            (r) => r.label,
          )}
          {figure(
            'by-prefecture',
            t('programReport.byPrefecture'),
            t('reports.chart.prefecture'),
            byPrefecture,
            prefectureName,
          )}
          {figure('by-kind', t('programReport.byKind'), t('reports.kind'), byKind, kindName)}
        </Stack>
      </section>

      <section className="report-section" aria-labelledby="report-review">
        <Title order={3} id="report-review" mb="xs">
          {t('programReport.review')}
        </Title>
        {review ? (
          <Stack gap="sm">
            {REVIEW_FIELDS.map((field) => (
              <div key={field}>
                <Title order={4} size="h5">
                  {t(`programReport.${field}`)}
                </Title>
                <Text className="review-text" size="sm">
                  {review[field] || t('programReport.notWritten')}
                </Text>
              </div>
            ))}
            <Text size="xs" c="gray.7">
              {t('programReport.updated', {
                name: review.updatedByName ?? t('programReport.someone'),
                date: formatDate(review.updatedAt, language),
              })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm">{t('programReport.noReview')}</Text>
        )}
      </section>
    </article>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="28%" fw={700}>
        {label}
      </Table.Th>
      <Table.Td className="review-text">{value}</Table.Td>
    </Table.Tr>
  );
}

function KpiTable({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (value: number) => formatNumber(value, language);
  const change = (value: number) => (value > 0 ? `+${n(value)}` : n(value));
  const columns = ['metric', 'unit', 'target', 'result', 'achievement', 'previous', 'change'];
  return (
    // Seven columns are wider than a phone: the table scrolls sideways, reachable by keyboard.
    <div className="kpi-scroll" role="region" tabIndex={0} aria-label={t('programReport.kpiTable')}>
      <Table withTableBorder withColumnBorders striped fz="sm" className="kpi-table">
        <Table.Caption>{t('programReport.kpiTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={c} scope="col" ta={i < 2 ? 'left' : 'right'}>
                {t(`programReport.column.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.kpis.map((k) => (
            <Table.Tr key={k.metric} data-testid={`kpi-${k.metric}`}>
              <Table.Th scope="row" fw={400} style={{ whiteSpace: 'normal' }}>
                {t(`programReport.metric.${k.metric}`)}
              </Table.Th>
              <Table.Td>{t(`programReport.unit.${k.metric}`)}</Table.Td>
              <Table.Td ta="right">
                {k.target === null || k.target === undefined
                  ? t('programReport.noTarget')
                  : n(k.target)}
              </Table.Td>
              <Table.Td ta="right">{n(k.result)}</Table.Td>
              <Table.Td ta="right">
                {k.achievementRate === null || k.achievementRate === undefined
                  ? t('reports.none')
                  : formatPercent(k.achievementRate, language)}
              </Table.Td>
              <Table.Td ta="right">{n(k.previousResult)}</Table.Td>
              <Table.Td ta="right">{change(k.result - k.previousResult)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function TargetsForm({ report, onSaved }: { report: Report; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string | number>>(() =>
    Object.fromEntries(report.kpis.map((k) => [k.metric, k.target ?? ''])),
  );
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [{ fetching }, save] = useMutation(SetProgramKpiTargetsMutation);
  const metrics = report.kpis.map((k) => k.metric);
  const submit = async () => {
    setSaved(false);
    setFormError(undefined);
    const found: Record<string, string> = {};
    const targets = metrics.map((metric) => {
      const raw = values[metric];
      const target = raw === '' || raw === undefined ? null : Number(raw);
      if (target !== null) {
        if (COUNTED.has(metric) && (!Number.isInteger(target) || target < 1))
          found[metric] = t('programReport.targetWhole');
        else if (!(target > 0)) found[metric] = t('programReport.targetPositive');
      }
      return { metric, target };
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await save({
      input: { programId: report.program.id, fiscalYear: report.fiscalYear, targets },
    });
    if (result.error) {
      // The API names a target by its place in the list: input.targets.<index>.target.
      const indices = metrics.map((_, i) => String(i));
      const problems = formErrorsOf(result.error, indices, t);
      setErrors(
        Object.fromEntries(
          Object.entries(problems.fields).map(([i, message]) => [metrics[Number(i)], message]),
        ),
      );
      return setFormError(problems.form);
    }
    setSaved(true);
    onSaved();
  };
  return (
    <form
      noValidate
      aria-labelledby="targets-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="targets-title">
            {t('programReport.targetsTitle')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('programReport.targetsHint')}
          </Text>
        </div>
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {metrics.map((metric) => (
            <NumberInput
              key={metric}
              label={t('programReport.targetLabel', {
                metric: t(`programReport.metric.${metric}`),
                unit: t(`programReport.unit.${metric}`),
              })}
              min={0}
              max={1_000_000}
              decimalScale={COUNTED.has(metric) ? 0 : 1}
              allowNegative={false}
              clampBehavior="none"
              hideControls
              value={values[metric] ?? ''}
              onChange={(value) => setValues((v) => ({ ...v, [metric]: value }))}
              error={errors[metric]}
            />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={fetching}>
            {t('programReport.targetsSave')}
          </Button>
          {saved && (
            <Text size="sm" c="teal.9" role="status">
              {t('programReport.targetsSaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function ReviewForm({ report, onSaved }: { report: Report; onSaved: () => void }) {
  const { t } = useTranslation();
  const review = report.review;
  const [values, setValues] = useState<Record<ReviewField, string>>(() => ({
    plan: review?.plan ?? '',
    execution: review?.execution ?? '',
    evaluation: review?.evaluation ?? '',
    improvement: review?.improvement ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<ReviewField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [{ fetching }, save] = useMutation(SetProgramReviewMutation);
  const submit = async () => {
    setSaved(false);
    setErrors({});
    setFormError(undefined);
    const result = await save({
      input: { programId: report.program.id, fiscalYear: report.fiscalYear, ...values },
    });
    if (result.error) {
      const problems = formErrorsOf(result.error, REVIEW_FIELDS, t);
      setErrors(problems.fields);
      return setFormError(problems.form);
    }
    setSaved(true);
    onSaved();
  };
  return (
    <form
      noValidate
      aria-labelledby="review-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="review-title">
          {t('programReport.reviewTitle')}
        </Title>
        <FormError message={formError} />
        {REVIEW_FIELDS.map((field) => (
          <Textarea
            key={field}
            label={t(`programReport.${field}`)}
            description={t(`programReport.${field}Hint`)}
            autosize
            minRows={2}
            maxLength={4000}
            value={values[field]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((v) => ({ ...v, [field]: value }));
            }}
            error={errors[field]}
          />
        ))}
        <Group>
          <Button type="submit" loading={fetching}>
            {t('programReport.reviewSave')}
          </Button>
          {saved && (
            <Text size="sm" c="teal.9" role="status">
              {t('programReport.reviewSaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
