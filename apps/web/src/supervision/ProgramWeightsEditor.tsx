import {
  Badge,
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Slider,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import type { MatchingWeightsInput, PreviewProgramWeightsQuery as Preview } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import {
  PreviewProgramWeightsQuery,
  ProgramWeightsQuery,
  SetProgramWeightsMutation,
} from './supervision-documents';
import { FormError } from '../app/FormError';

// The engine's factors, in the order the form lists them.
const FACTORS = ['skills', 'theme', 'availability', 'distance', 'goal', 'tie', 'fairness'] as const;
type Factor = (typeof FACTORS)[number];
type Weights = Record<Factor, number>;

// Each weight from 0 to 1 (the engine's rule); at least one above 0.
function problemOf(weights: Weights): 'invalid' | 'allZero' | undefined {
  if (FACTORS.some((f) => !Number.isFinite(weights[f]) || weights[f] < 0 || weights[f] > 1))
    return 'invalid';
  if (FACTORS.every((f) => weights[f] === 0)) return 'allZero';
  return undefined;
}

// A program's matching weights: a slider and a number per factor with what it means, a preview
// of how candidates' ranks would change, then save.
export function ProgramWeightsEditor({ programId }: { programId: string }) {
  const [{ data, error }, reexecute] = useQuery({
    query: ProgramWeightsQuery,
    variables: { programId },
  });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  // Only the factors (the cache adds __typename, which the input type refuses).
  const stored = data.programWeights.weights;
  const current = Object.fromEntries(FACTORS.map((f) => [f, stored[f]])) as Weights;
  return (
    <WeightsForm programId={programId} version={data.programWeights.version} current={current} />
  );
}

function WeightsForm({
  programId,
  version,
  current,
}: {
  programId: string;
  version: string;
  current: Weights;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [weights, setWeights] = useState<Weights>(current);
  const [preview, setPreview] = useState<Preview['previewProgramWeights']>();
  const [previewing, setPreviewing] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [{ fetching: saving }, save] = useMutation(SetProgramWeightsMutation);
  const problem = problemOf(weights);
  const input = (): { programId: string; weights: MatchingWeightsInput } => ({
    programId,
    weights,
  });
  const change = (factor: Factor, value: number) => {
    setWeights((w) => ({ ...w, [factor]: value }));
    setPreview(undefined);
    setSaved(false);
  };
  const runPreview = async () => {
    setFormError(undefined);
    if (problem) return;
    setPreviewing(true);
    const result = await client
      .query(PreviewProgramWeightsQuery, { input: input() }, { requestPolicy: 'network-only' })
      .toPromise();
    setPreviewing(false);
    if (result.error) return setFormError(formErrorsOf(result.error, [], t).form);
    setPreview(result.data?.previewProgramWeights);
  };
  const submit = async () => {
    setFormError(undefined);
    if (problem) return;
    const result = await save({ input: input() });
    if (result.error) return setFormError(formErrorsOf(result.error, [], t).form);
    setSaved(true);
  };
  const versionLabel = version.startsWith('default')
    ? t('programs.weights.defaultVersion')
    : version;
  return (
    <Stack gap="sm">
      <Title order={4}>{t('programs.weights.title')}</Title>
      <Text size="sm">{t('programs.weights.intro')}</Text>
      <Text size="sm" c="gray.7" data-testid="weights-version">
        {t('programs.weights.version', { version: versionLabel })}
      </Text>
      <FormError message={formError} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {FACTORS.map((factor) => (
          <FactorInput
            key={factor}
            factor={factor}
            value={weights[factor]}
            onChange={(value) => change(factor, value)}
          />
        ))}
      </SimpleGrid>
      {problem && (
        <Text c="red.9" size="sm" role="alert">
          {t(`programs.weights.${problem}`)}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          onClick={() => void runPreview()}
          loading={previewing}
          disabled={!!problem}
        >
          {t('programs.weights.preview')}
        </Button>
        <Button onClick={() => void submit()} loading={saving} disabled={!!problem}>
          {t('programs.weights.save')}
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            setWeights(current);
            setPreview(undefined);
          }}
        >
          {t('programs.weights.reset')}
        </Button>
      </Group>
      {saved && (
        <Text size="sm" c="teal.9" role="status">
          {t('programs.weights.saved')}
        </Text>
      )}
      {preview && <RankChanges preview={preview} />}
    </Stack>
  );
}

function FactorInput({
  factor,
  value,
  onChange,
}: {
  factor: Factor;
  value: number;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation();
  const label = t(`programs.weights.factor.${factor}`);
  return (
    <Stack gap={4}>
      <NumberInput
        label={label}
        description={t(`programs.weights.explain.${factor}`)}
        min={0}
        max={1}
        step={0.05}
        decimalScale={2}
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : Number(v))}
        data-testid={`weight-${factor}`}
      />
      <Slider
        min={0}
        max={1}
        step={0.05}
        value={Number.isFinite(value) ? value : 0}
        onChange={onChange}
        label={(v) => v.toFixed(2)}
        thumbLabel={label}
      />
    </Stack>
  );
}

function RankChanges({ preview }: { preview: Preview['previewProgramWeights'] }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  return (
    <Stack gap="sm" component="section" aria-labelledby="rank-changes-title">
      <Title order={5} id="rank-changes-title">
        {t('programs.weights.changes.title')}
      </Title>
      {preview.fromRemit && <Text size="sm">{t('programs.weights.changes.fromRemit')}</Text>}
      {preview.projects.length === 0 ? (
        <Text c="gray.7">{t('programs.weights.changes.none')}</Text>
      ) : (
        <>
          <Text size="sm">{t('programs.weights.changes.intro')}</Text>
          <Switch
            label={t('programs.weights.changes.showAll')}
            checked={showAll}
            onChange={(event) => setShowAll(event.currentTarget.checked)}
          />
          {preview.projects.map((project) => (
            <ProjectChanges key={project.projectId} project={project} showAll={showAll} />
          ))}
        </>
      )}
    </Stack>
  );
}

type PreviewProject = Preview['previewProgramWeights']['projects'][number];

function ProjectChanges({ project, showAll }: { project: PreviewProject; showAll: boolean }) {
  const { t } = useTranslation();
  const rows = [...project.candidates]
    .sort((a, b) => a.rankAfter - b.rankAfter)
    .filter((c) => showAll || c.rankBefore !== c.rankAfter);
  return (
    <Stack gap={4} data-testid="preview-project">
      <Text fw={700}>{project.projectTitle}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('programs.weights.changes.noMoves')}
        </Text>
      ) : (
        // Four short columns fit a phone: no sideways scrolling.
        <Table
          striped
          withTableBorder
          fz="sm"
          horizontalSpacing="xs"
          aria-label={project.projectTitle}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programs.weights.changes.participant')}</Table.Th>
              <Table.Th scope="col">{t('programs.weights.changes.before')}</Table.Th>
              <Table.Th scope="col">{t('programs.weights.changes.after')}</Table.Th>
              <Table.Th scope="col">{t('programs.weights.changes.move')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => {
              const moved = c.rankBefore - c.rankAfter;
              return (
                <Table.Tr key={c.participantId} data-testid="rank-change">
                  <Table.Td>{c.displayName}</Table.Td>
                  <Table.Td>{t('programs.weights.changes.rank', { rank: c.rankBefore })}</Table.Td>
                  <Table.Td>{t('programs.weights.changes.rank', { rank: c.rankAfter })}</Table.Td>
                  <Table.Td>
                    {moved === 0 ? (
                      t('programs.weights.changes.same')
                    ) : (
                      <Badge color={moved > 0 ? 'teal.9' : 'red.9'} variant="light">
                        {moved > 0 ? '↑ ' : '↓ '}
                        {t(`programs.weights.changes.${moved > 0 ? 'up' : 'down'}`, {
                          n: Math.abs(moved),
                        })}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
