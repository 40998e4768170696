import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { ErrorState, LoadingState } from '../app/page-states';
import type { RegionPopulationFieldsFragment as RegionPopulation } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { useMutationForm } from '../graphql/use-mutation-form';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { ageLabel, PopulationSection } from './PopulationSection';
import {
  ImportRegionPopulationCsvMutation,
  RegionProfileEditQuery,
  SaveRegionPopulationMutation,
  UpdateRegionProfileMutation,
} from './region-profile-documents';
import { FormError } from '../app/FormError';

const GROUPS = 19;
const DEFAULT_YEAR = 2020;

// /manage/:orgId/profile: the region's own page, as its staff edit it: the introduction, the
// population (a table or a census CSV), and the outlook the public page shows.
export function RegionProfileEditPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data, error }, refetch] = useQuery({
    query: RegionProfileEditQuery,
    variables: { organizationId: organization.id },
    requestPolicy: 'cache-and-network',
  });
  let content;
  if (error && !data)
    content = (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else if (!data) content = <LoadingState />;
  else {
    const profile = data.regionProfile;
    content = (
      <Stack gap="xl">
        <DescriptionForm organizationId={organization.id} description={profile.description ?? ''} />
        <PopulationEditor
          organizationId={organization.id}
          population={profile.population ?? null}
          // A new population changes the outlook: ask for it again.
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
        />
        <PopulationSection
          key={profile.population?.updatedAt ?? 'none'}
          organizationId={organization.id}
          population={profile.population}
          withTable={false}
        />
      </Stack>
    );
  }
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{t('regionProfile.edit.title')}</Title>
        <Anchor component={Link} to={`/regions/${organization.id}`}>
          {t('regionProfile.edit.viewPublic')}
        </Anchor>
      </Group>
      <Text>{t('regionProfile.edit.intro')}</Text>
      {content}
    </Stack>
  );
}

function DescriptionForm({
  organizationId,
  description,
}: {
  organizationId: string;
  description: string;
}) {
  const { t } = useTranslation();
  const [, update] = useMutation(UpdateRegionProfileMutation);
  const [saved, setSaved] = useState(false);
  const schema = z.object({ description: z.string().max(4000) });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { description },
    (values) => {
      setSaved(false);
      return update({ input: { organizationId, description: values.description } });
    },
    () => setSaved(true),
  );
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Textarea
          label={t('regionProfile.edit.description')}
          description={t('regionProfile.edit.descriptionHint')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.register('description')}
          error={form.formState.errors.description?.message}
        />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('regionProfile.edit.saveDescription')}
          </Button>
          {saved && (
            <Text role="status" c="teal.9">
              {t('regionProfile.edit.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

interface FieldProblem {
  path: string[];
  message: string;
}

// The CSV's bad lines in the reader's language, from the paths the API names them by
// (["input", "csv", "<line>", "<problem>"]).
function csvProblemsOf(
  error: CombinedError,
  t: (key: string, o?: Record<string, unknown>) => string,
): string[] {
  return error.graphQLErrors.flatMap((e) =>
    ((e.extensions?.fields ?? []) as FieldProblem[]).flatMap((f) => {
      const [, field, line, code] = f.path;
      if (field !== 'csv' || !line || !code) return [];
      const problem = t(`regionProfile.edit.csvProblem.${code}`);
      return [
        line === '0'
          ? t('regionProfile.edit.csvFile0', { problem })
          : t('regionProfile.edit.csvLine', { line, problem }),
      ];
    }),
  );
}

function PopulationEditor({
  organizationId,
  population,
  onSaved,
}: {
  organizationId: string;
  population: RegionPopulation | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(population?.censusYear ?? DEFAULT_YEAR));
  const [yearError, setYearError] = useState<string>();
  const [csv, setCsv] = useState('');
  const [csvProblems, setCsvProblems] = useState<string[]>([]);
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState(false);
  const [male, setMale] = useState<string[]>(() =>
    Array.from({ length: GROUPS }, (_, i) => String(population?.ageGroups[i]?.male ?? '')),
  );
  const [female, setFemale] = useState<string[]>(() =>
    Array.from({ length: GROUPS }, (_, i) => String(population?.ageGroups[i]?.female ?? '')),
  );
  const [importing, importCsv] = useMutation(ImportRegionPopulationCsvMutation);
  const [saving, save] = useMutation(SaveRegionPopulationMutation);

  const censusYear = Number(year);
  const yearOk = /^\d{4}$/.test(year.trim()) && censusYear >= 1920 && censusYear <= 2100;
  const reset = () => {
    setCsvProblems([]);
    setFormError(undefined);
    setDone(false);
    setYearError(yearOk ? undefined : t('regionProfile.edit.yearError'));
  };
  const refused = (error: CombinedError) => {
    const problems = csvProblemsOf(error, t);
    setCsvProblems(problems);
    const other = formErrorsOf(error, ['censusYear', 'male', 'female'] as const, t);
    if (other.fields.censusYear) setYearError(t('regionProfile.edit.yearError'));
    if (!problems.length) setFormError(other.fields.male ?? other.fields.female ?? other.form);
  };
  const succeeded = (result: { male: number[]; female: number[] }) => {
    setMale(result.male.map(String));
    setFemale(result.female.map(String));
    setDone(true);
    onSaved();
  };

  const onImport = async () => {
    reset();
    if (!yearOk) return;
    const outcome = await importCsv({ input: { organizationId, censusYear, csv } });
    if (outcome.error) return refused(outcome.error);
    const groups = outcome.data?.importRegionPopulationCsv.population?.ageGroups ?? [];
    succeeded({ male: groups.map((g) => g.male), female: groups.map((g) => g.female) });
    setCsv('');
  };
  const whole = (v: string) => /^\d+$/.test(v.trim());
  const tableOk = [...male, ...female].every(whole);
  const onSave = async () => {
    reset();
    if (!yearOk || !tableOk) {
      if (!tableOk) setFormError(t('regionProfile.edit.numberError'));
      return;
    }
    const outcome = await save({
      input: { organizationId, censusYear, male: male.map(Number), female: female.map(Number) },
    });
    if (outcome.error) return refused(outcome.error);
    succeeded({ male: male.map(Number), female: female.map(Number) });
  };
  const readFile = async (file: File | null) => {
    if (!file) return;
    try {
      setCsv(await file.text());
    } catch {
      setFormError(t('regionProfile.edit.fileReadFailed'));
    }
  };
  const cell = (values: string[], set: (v: string[]) => void, i: number, label: string) => (
    <TextInput
      aria-label={label}
      inputMode="numeric"
      size="xs"
      value={values[i]}
      error={values[i] !== '' && !whole(values[i])}
      onChange={(e) => {
        const next = [...values];
        next[i] = e.currentTarget.value;
        set(next);
      }}
    />
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="population-edit-title">
      <Stack>
        <Title order={3} size="h4" id="population-edit-title">
          {t('regionProfile.edit.populationTitle')}
        </Title>
        <Text size="sm">{t('regionProfile.edit.populationIntro')}</Text>
        <TextInput
          label={t('regionProfile.edit.censusYear')}
          inputMode="numeric"
          maw={160}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          error={yearError}
        />
        <Stack gap="xs" component="section" aria-labelledby="csv-title">
          <Title order={4} size="h5" id="csv-title">
            {t('regionProfile.edit.csvTitle')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('regionProfile.edit.csvIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FileInput
              label={t('regionProfile.edit.csvFile')}
              // The field is a button: its name must be said on it, not only by the label.
              aria-label={t('regionProfile.edit.csvFile')}
              placeholder={t('regionProfile.edit.csvChoose')}
              accept=".csv,text/csv"
              onChange={(file) => void readFile(file)}
            />
          </SimpleGrid>
          <Textarea
            label={t('regionProfile.edit.csvText')}
            autosize
            minRows={3}
            maxRows={10}
            ff="monospace"
            value={csv}
            onChange={(e) => setCsv(e.currentTarget.value)}
          />
          {csvProblems.length > 0 && (
            <Alert
              color="red"
              role="alert"
              title={t('regionProfile.edit.csvFailed')}
              data-testid="csv-problems"
            >
              <List size="sm">
                {csvProblems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group>
            <Button
              onClick={() => void onImport()}
              loading={importing.fetching}
              disabled={csv.trim() === ''}
            >
              {t('regionProfile.edit.csvImport')}
            </Button>
          </Group>
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="table-title">
          <Title order={4} size="h5" id="table-title">
            {t('regionProfile.edit.tableTitle')}
          </Title>
          <Table withTableBorder fz="sm" maw={480}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('regionProfile.population.ageGroup')}</Table.Th>
                <Table.Th scope="col">{t('regionProfile.population.male')}</Table.Th>
                <Table.Th scope="col">{t('regionProfile.population.female')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Array.from({ length: GROUPS }, (_, i) => {
                const group = { fromAge: i * 5, toAge: i === GROUPS - 1 ? null : i * 5 + 4 };
                const age = ageLabel(group, t);
                return (
                  <Table.Tr key={i}>
                    <Table.Th scope="row" fw={400}>
                      {age}
                    </Table.Th>
                    <Table.Td>
                      {cell(male, setMale, i, `${age} ${t('regionProfile.population.male')}`)}
                    </Table.Td>
                    <Table.Td>
                      {cell(female, setFemale, i, `${age} ${t('regionProfile.population.female')}`)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group>
            <Button variant="light" onClick={() => void onSave()} loading={saving.fetching}>
              {t('regionProfile.edit.savePopulation')}
            </Button>
          </Group>
        </Stack>
        <FormError message={formError} />
        {done && (
          <Alert color="teal" role="status" data-testid="population-saved">
            {t('regionProfile.edit.populationSaved')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
