import {
  Alert,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type {
  HouseholdKind,
  ProjectionPointFieldsFragment as ProjectionPoint,
  RegionPopulationFieldsFragment as RegionPopulation,
} from '../gql/graphql';
import { formatNumber } from '../i18n/format';
import { ChartFigure } from '../reports/ChartFigure';
import { RegionProjectionQuery } from './region-profile-documents';

const charts = () => import('../reports/kpi-charts');
const HOUSEHOLDS: readonly HouseholdKind[] = [
  'FAMILY_WITH_CHILD',
  'YOUNG_COUPLE',
  'RETIRED_COUPLE',
];
const YEARS = 30;

export function ageLabel(
  group: { fromAge: number; toAge?: number | null },
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  return group.toAge == null
    ? t('regionProfile.population.agesOpen', { from: group.fromAge })
    : t('regionProfile.population.ages', { from: group.fromAge, to: group.toAge });
}

// The population by age group and sex, as counted.
export function PopulationTable({ population }: { population: RegionPopulation }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Table striped withTableBorder fz="sm" data-testid="population-table">
      <Table.Caption>
        {t('regionProfile.population.table', { year: population.censusYear })}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('regionProfile.population.ageGroup')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('regionProfile.population.male')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('regionProfile.population.female')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('regionProfile.population.total')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {population.ageGroups.map((g) => (
          <Table.Tr key={g.fromAge}>
            <Table.Th scope="row" fw={400}>
              {ageLabel(g, t)}
            </Table.Th>
            <Table.Td ta="right">{n(g.male)}</Table.Td>
            <Table.Td ta="right">{n(g.female)}</Table.Td>
            <Table.Td ta="right">{n(g.male + g.female)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// The projection of the region's population with the settlement simulation, as charts with
// their tables, the assumptions to try, and the model explained.
export function PopulationProjection({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [household, setHousehold] = useState<HouseholdKind>('FAMILY_WITH_CHILD');
  const [tfrText, setTfrText] = useState('');
  const [tfrTyped] = useDebouncedValue(tfrText, 400);
  const tfr = tfrTyped.trim() === '' ? null : Number(tfrTyped.replace(',', '.'));
  const tfrBad = tfr !== null && !(tfr >= 0.5 && tfr <= 3);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RegionProjectionQuery,
    variables: {
      organizationId,
      parameters: { household, ...(tfr !== null && !tfrBad ? { totalFertilityRate: tfr } : {}) },
    },
  });
  const n = (v: number) => formatNumber(Math.round(v), language);
  const projection = data?.regionPopulationProjection;

  let body;
  if (!data && fetching) body = <LoadingState />;
  else if (!data)
    body = <ErrorState error={error!} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  else if (!projection) body = null;
  else {
    const [keepTotal, keepChildren] = projection.settlements;
    const years = projection.baseline.map((p) => String(p.year));
    const series = (pick: (p: ProjectionPoint) => number) => [
      {
        name: t('regionProfile.projection.legend.baseline'),
        values: projection.baseline.map(pick),
      },
      {
        name: t('regionProfile.projection.legend.keepTotal'),
        values: keepTotal.withNewcomers.map(pick),
      },
      {
        name: t('regionProfile.projection.legend.keepChildren'),
        values: keepChildren.withNewcomers.map(pick),
      },
    ];
    const table = (pick: (p: ProjectionPoint) => number) => ({
      columns: [
        t('regionProfile.projection.year'),
        t('regionProfile.projection.baseline'),
        t('regionProfile.projection.keepTotal'),
        t('regionProfile.projection.keepChildren'),
      ],
      rows: projection.baseline.map((p, i) => ({
        key: String(p.year),
        cells: [
          String(p.year),
          n(pick(p)),
          n(pick(keepTotal.withNewcomers[i])),
          n(pick(keepChildren.withNewcomers[i])),
        ],
      })),
    });
    const signature = JSON.stringify([projection, language]);
    const horizon = projection.baseYear + YEARS;
    const settlementText = (s: typeof keepTotal, target: string) => {
      if (s.householdsPerYear == null) return t('regionProfile.projection.impossible');
      if (s.householdsPerYear === 0)
        return t('regionProfile.projection.notNeeded', { base: projection.baseYear });
      return t('regionProfile.projection.perYear', {
        households: formatNumber(Math.round(s.householdsPerYear * 10) / 10, language),
        people: formatNumber(Math.round((s.peoplePerYear ?? 0) * 10) / 10, language),
        target,
      });
    };
    body = (
      <Stack gap="lg">
        <Paper
          withBorder
          p="md"
          component="section"
          aria-labelledby="settlement-title"
          data-testid="settlement"
        >
          <Title order={3} size="h5" id="settlement-title" mb="xs">
            {t('regionProfile.projection.simulation')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {[
              { s: keepTotal, target: t('regionProfile.projection.targetTotal') },
              { s: keepChildren, target: t('regionProfile.projection.targetChildren') },
            ].map(({ s, target }) => (
              <div key={s.target}>
                <Text size="sm">
                  {t('regionProfile.projection.simulationIntro', {
                    year: horizon,
                    base: projection.baseYear,
                    target,
                  })}
                </Text>
                <Text fw={700} size="lg" data-testid={`settlement-${s.target}`}>
                  {settlementText(s, target)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Text size="sm" c="gray.7" mt="xs">
            {projection.parameters.defaults
              ? t('regionProfile.projection.defaults')
              : t('regionProfile.projection.custom')}
          </Text>
        </Paper>
        <ChartFigure
          testId="chart-total"
          title={t('regionProfile.projection.totalChart')}
          signature={signature}
          draw={async (el) =>
            (await charts()).drawSeriesChart(el, {
              kind: 'line',
              categories: years,
              series: series((p) => Math.round(p.total)),
            })
          }
          table={table((p) => p.total)}
        />
        <ChartFigure
          testId="chart-children"
          title={t('regionProfile.projection.childrenChart')}
          signature={signature}
          draw={async (el) =>
            (await charts()).drawSeriesChart(el, {
              kind: 'line',
              categories: years,
              series: series((p) => Math.round(p.children)),
            })
          }
          table={table((p) => p.children)}
        />
        <ChartFigure
          testId="chart-ages"
          title={t('regionProfile.projection.agesChart')}
          signature={signature}
          draw={async (el) =>
            (await charts()).drawSeriesChart(el, {
              kind: 'bar',
              categories: years,
              series: [
                {
                  name: t('regionProfile.projection.children'),
                  values: projection.baseline.map((p) => Math.round(p.children)),
                },
                {
                  name: t('regionProfile.projection.working'),
                  values: projection.baseline.map((p) => Math.round(p.working)),
                },
                {
                  name: t('regionProfile.projection.elderly'),
                  values: projection.baseline.map((p) => Math.round(p.elderly)),
                },
              ],
            })
          }
          table={{
            columns: [
              t('regionProfile.projection.year'),
              t('regionProfile.projection.children'),
              t('regionProfile.projection.working'),
              t('regionProfile.projection.elderly'),
            ],
            rows: projection.baseline.map((p) => ({
              key: String(p.year),
              cells: [String(p.year), n(p.children), n(p.working), n(p.elderly)],
            })),
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="projection">
      <Title order={2} size="h4">
        {t('regionProfile.projection.title')}
      </Title>
      <Paper
        withBorder
        p="md"
        component="section"
        aria-label={t('regionProfile.projection.controls')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('regionProfile.projection.household')}
            data={HOUSEHOLDS.map((h) => ({
              value: h,
              label: t(`regionProfile.projection.households.${h}`),
            }))}
            value={household}
            onChange={(e) => setHousehold(e.currentTarget.value as HouseholdKind)}
          />
          <TextInput
            label={t('regionProfile.projection.tfr')}
            description={t('regionProfile.projection.tfrHint')}
            inputMode="decimal"
            placeholder="1.33"
            value={tfrText}
            onChange={(e) => setTfrText(e.currentTarget.value)}
            error={tfrBad ? t('regionProfile.projection.bad') : undefined}
          />
        </SimpleGrid>
      </Paper>
      {body}
      <ModelExplanation />
    </Stack>
  );
}

function ModelExplanation() {
  const { t } = useTranslation();
  return (
    <Alert
      color="gray"
      variant="light"
      title={t('regionProfile.model.title')}
      component="section"
      data-testid="model"
    >
      <Stack gap="xs">
        <Text size="sm">{t('regionProfile.model.method')}</Text>
        <Text size="sm">{t('regionProfile.model.defaults')}</Text>
        <Text size="sm">{t('regionProfile.model.migration', { years: YEARS })}</Text>
        <Text size="sm">{t('regionProfile.model.limits')}</Text>
      </Stack>
    </Alert>
  );
}

// The population section of a region's page: the outlook when the population is known.
// `withTable: false` where the numbers are already on screen (the editor's own table).
export function PopulationSection({
  organizationId,
  population,
  withTable = true,
}: {
  organizationId: string;
  population: RegionPopulation | null | undefined;
  withTable?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md" component="section" aria-labelledby="population-title">
      <Title order={2} size="h3" id="population-title">
        {t('regionProfile.population.title')}
      </Title>
      {population ? (
        <>
          <Text fw={700} data-testid="population-total">
            {t('regionProfile.population.totalPeople', {
              count: formatNumber(population.total, i18n.language) as unknown as number,
              year: population.censusYear,
            })}
          </Text>
          <PopulationProjection organizationId={organizationId} />
          {withTable && <PopulationTable population={population} />}
        </>
      ) : (
        <EmptyState
          title={t('regionProfile.population.empty')}
          hint={t('regionProfile.population.emptyHint')}
        />
      )}
    </Stack>
  );
}
