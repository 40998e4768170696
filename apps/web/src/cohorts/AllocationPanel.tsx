import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import type { AllocationFieldsFragment } from '../gql/graphql';
import { formatDateTime, formatList, formatNumber } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { allocationRefusal } from './allocation-refusal';
import {
  AdjustAllocationMutation,
  AllocationQuery,
  ConfirmAllocationMutation,
} from './cohort-documents';
import { type CohortNames, namesOf, type StaffCohort } from './cohort-names';
import { FormError } from '../app/FormError';

type Allocation = AllocationFieldsFragment;

const POLL_MS = 1000;
const inProgress = (status: string) => status === 'QUEUED' || status === 'RUNNING';

// One allocation: its progress while the worker has it, then the proposal to inspect, adjust
// and confirm (or why it failed).
export function AllocationPanel({
  allocationId,
  cohort,
  onChanged,
}: {
  allocationId: string;
  cohort: StaffCohort;
  onChanged: () => void;
}) {
  const [{ data, error }, refetch] = useQuery({
    query: AllocationQuery,
    variables: { id: allocationId },
    requestPolicy: 'cache-and-network',
  });
  const status = data?.allocation.status;
  // The run is queued for the worker: ask again until it is no longer waiting or running, then
  // the cohort once (its list of runs shows the outcome).
  useEffect(() => {
    if (!status || !inProgress(status)) return;
    const timer = setTimeout(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearTimeout(timer);
  }, [status, data, refetch]);
  const [wasRunning, setWasRunning] = useState(false);
  useEffect(() => {
    if (status && inProgress(status)) setWasRunning(true);
    else if (status && wasRunning) {
      setWasRunning(false);
      onChanged();
    }
  }, [status, wasRunning, onChanged]);
  if (!data && error)
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;
  const allocation = data.allocation;
  const names = namesOf(cohort);
  if (inProgress(allocation.status)) return <RunProgress allocation={allocation} />;
  if (allocation.status === 'FAILED') return <FailedRun allocation={allocation} names={names} />;
  return <Proposal allocation={allocation} cohort={cohort} names={names} onChanged={onChanged} />;
}

function RunProgress({ allocation }: { allocation: Allocation }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - Date.parse(allocation.createdAt)) / 1000));
  return (
    <Card withBorder role="status" aria-live="polite" data-testid="allocation-progress">
      <Stack gap="xs">
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text fw={600}>{t(`cohorts.progress.${allocation.status as 'QUEUED' | 'RUNNING'}`)}</Text>
        </Group>
        <Progress
          value={allocation.status === 'QUEUED' ? 30 : 70}
          striped
          animated
          aria-label={t('cohorts.progress.label')}
        />
        <Text size="sm" c="gray.7">
          {t('cohorts.progress.elapsed', { seconds })}
        </Text>
      </Stack>
    </Card>
  );
}

// A problem in the intermediary's words, naming who and what it is about.
function problemText(
  problem: Allocation['problems'][number],
  names: CohortNames,
  t: ReturnType<typeof useTranslation>['t'],
) {
  const known = [
    'EMPTY_COHORT',
    'CLOSED_PROJECT',
    'PAIR_EXCLUDED',
    'UNKNOWN_PROJECT',
    'INVALID_CAPACITY',
    'DUPLICATE_CHOICE',
    'COHORT_CONFIRMED',
    'INTERNAL_ERROR',
  ];
  const key = known.includes(problem.code) ? problem.code : 'other';
  return t(`cohorts.problem.${key}`, {
    name: problem.participantId ? names.participant(problem.participantId) : '',
    project: problem.projectId ? names.project(problem.projectId) : '',
  });
}

function FailedRun({ allocation, names }: { allocation: Allocation; names: CohortNames }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('cohorts.allocation.failed')}>
      {allocation.problems.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('cohorts.allocation.problems')}
          </Text>
          <ul style={{ margin: 0 }}>
            {allocation.problems.map((p, i) => (
              <li key={i}>{problemText(p, names, t)}</li>
            ))}
          </ul>
        </Stack>
      ) : (
        t('cohorts.problem.other')
      )}
    </Alert>
  );
}

function Proposal({
  allocation,
  cohort,
  names,
  onChanged,
}: {
  allocation: Allocation;
  cohort: StaffCohort;
  names: CohortNames;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const language = i18n.language;
  const confirmed = allocation.status === 'CONFIRMED';
  const editable = allocation.status === 'PROPOSED' && cohort.status === 'OPEN';
  const score = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  return (
    <Stack component="section" aria-labelledby="proposal">
      <Group gap="sm" align="baseline" wrap="wrap">
        <Title order={3} id="proposal">
          {t('cohorts.allocation.title')}
        </Title>
        <Badge variant="light">{t(`cohorts.run.${allocation.mode}`)}</Badge>
        <Text size="sm" c="gray.7">
          {formatDateTime(allocation.createdAt, language)}
        </Text>
      </Group>
      {confirmed && allocation.confirmedAt && (
        <Alert color="teal">
          {t('cohorts.allocation.confirmedAt', {
            date: formatDateTime(allocation.confirmedAt, language),
          })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 3 }} spacing="xs">
        <Stat
          label={t('cohorts.allocation.totalScore')}
          value={allocation.totalScore == null ? '—' : score(allocation.totalScore)}
        />
        <Stat
          label={t('cohorts.allocation.assigned')}
          value={formatNumber(allocation.assignments.length, language)}
        />
        <Stat
          label={t('cohorts.allocation.blockingPairs')}
          value={formatNumber(allocation.blockingPairs ?? 0, language)}
        />
      </SimpleGrid>

      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {allocation.assignments.map((a) => (
          <Card
            component="li"
            withBorder
            key={a.participant.participantId}
            data-testid="assignment"
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={700}>{a.participant.displayName}</Text>
              <Group gap={4}>
                <Badge variant="light">{t('cohorts.allocation.rank', { rank: a.rank })}</Badge>
                <Badge variant="outline" color="gray.7">
                  {t('cohorts.allocation.score', { score: score(a.score) })}
                </Badge>
                {a.adjusted && (
                  <Badge color="grape.9" variant="outline">
                    {t('cohorts.allocation.adjusted')}
                  </Badge>
                )}
              </Group>
            </Group>
            <Text size="sm" mt={4}>
              {t('app.label', { label: t('cohorts.allocation.goesTo') })}
              <strong>{a.project.title}</strong>
            </Text>
            <Text size="sm" c="gray.7">
              {t('cohorts.allocation.why', { rank: a.rank, score: score(a.score) })}
            </Text>
            {a.engagementId && (
              <Anchor
                component={Link}
                to={`/manage/${organization.id}/engagements/${a.engagementId}`}
                size="sm"
              >
                {t('cohorts.allocation.openEngagement')}
              </Anchor>
            )}
            {editable && (
              <MoveControl
                allocationId={allocation.id}
                participantId={a.participant.participantId}
                name={a.participant.displayName}
                currentProjectId={a.project.id}
                cohort={cohort}
              />
            )}
          </Card>
        ))}
      </Stack>

      <Card withBorder>
        <Title order={4}>{t('cohorts.allocation.unassigned')}</Title>
        {allocation.unassigned.length === 0 ? (
          <Text size="sm">{t('cohorts.allocation.noneUnassigned')}</Text>
        ) : (
          <Stack gap="xs" mt="xs">
            <Text size="sm" c="gray.7">
              {t('cohorts.allocation.unassignedHint')}
            </Text>
            {allocation.unassigned.map((p) => (
              <div key={p.participantId} data-testid="unassigned">
                <Text fw={600}>{p.displayName}</Text>
                {editable && (
                  <MoveControl
                    allocationId={allocation.id}
                    participantId={p.participantId}
                    name={p.displayName}
                    currentProjectId={null}
                    cohort={cohort}
                  />
                )}
              </div>
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={4}>{t('cohorts.allocation.blockingTitle')}</Title>
        {allocation.blockingPairDetails.length === 0 ? (
          <Text size="sm">{t('cohorts.allocation.noBlocking')}</Text>
        ) : (
          <Stack gap={4} mt="xs">
            <Text size="sm" c="gray.7">
              {t('cohorts.allocation.blockingHint')}
            </Text>
            <ul style={{ margin: 0 }}>
              {allocation.blockingPairDetails.map((pair) => (
                <li key={`${pair.participant.participantId}:${pair.project.id}`}>
                  {t('cohorts.allocation.blockingPair', {
                    name: names.participant(pair.participant.participantId),
                    project: names.project(pair.project.id),
                  })}
                </li>
              ))}
            </ul>
          </Stack>
        )}
      </Card>

      <Card withBorder>
        <Title order={4}>{t('cohorts.allocation.teams')}</Title>
        <Stack gap="sm" mt="xs">
          {allocation.teams.map((team) => (
            <div key={team.project.id}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{team.project.title}</Text>
                <Badge variant="outline" color="gray.7">
                  {t('cohorts.allocation.teamCount', {
                    count: team.members.length,
                    capacity: team.capacity,
                  })}
                </Badge>
              </Group>
              {team.members.length > 0 && (
                <Text size="sm">
                  {formatList(
                    team.members.map((m) => names.participant(m.participantId)),
                    language,
                  )}
                </Text>
              )}
              {team.coveredSkills.length > 0 && (
                <Text size="sm" c="teal.9">
                  {t('app.label', { label: t('cohorts.allocation.covered') })}
                  {formatList(
                    team.coveredSkills.map(
                      (c) =>
                        `${localName(c.skill, language)} (${names.participant(c.participantId)})`,
                    ),
                    language,
                  )}
                </Text>
              )}
              {team.uncoveredSkills.length > 0 ? (
                <Text size="sm" c="red.9">
                  {t('app.label', { label: t('cohorts.allocation.uncovered') })}
                  {formatList(
                    team.uncoveredSkills.map((s) => localName(s, language)),
                    language,
                  )}
                </Text>
              ) : (
                <Text size="sm" c="gray.7">
                  {t('cohorts.allocation.allCovered')}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      </Card>

      {editable && (
        <ConfirmButton
          allocationId={allocation.id}
          count={allocation.assignments.length}
          onConfirmed={onChanged}
        />
      )}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="xs">
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
    </Card>
  );
}

// Moves one participant to another project they ranked, or out of every project.
function MoveControl({
  allocationId,
  participantId,
  name,
  currentProjectId,
  cohort,
}: {
  allocationId: string;
  participantId: string;
  name: string;
  currentProjectId: string | null;
  cohort: StaffCohort;
}) {
  const { t } = useTranslation();
  const names = namesOf(cohort);
  const ranking =
    cohort.members?.find((m) => m.participant.participantId === participantId)?.ranking ?? [];
  const NONE = 'none';
  const options = [
    ...ranking
      .filter((r) => r.project.id !== currentProjectId)
      .map((r) => ({
        value: r.project.id,
        label: t('app.labelled', {
          label: t('cohorts.allocation.rank', { rank: r.rank }),
          value: names.project(r.project.id),
        }),
      })),
    ...(currentProjectId ? [{ value: NONE, label: t('cohorts.allocation.unassign') }] : []),
  ];
  const [target, setTarget] = useState<string | null>(null);
  const [{ fetching }, adjust] = useMutation(AdjustAllocationMutation);
  const [problem, setProblem] = useState<string>();
  if (options.length === 0) return null;
  const onMove = async () => {
    if (!target) return;
    setProblem(undefined);
    const result = await adjust({
      input: {
        allocationId,
        moves: [{ participantId, projectId: target === NONE ? null : target }],
      },
    });
    if (result.error) setProblem(allocationRefusal(result.error, 'adjust', t));
    else setTarget(null);
  };
  return (
    <Stack gap={4} mt="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('cohorts.allocation.moveLabel', { name })}
          data={options}
          value={target}
          onChange={setTarget}
          size="xs"
          style={{ flex: '1 1 200px' }}
        />
        <Button
          size="xs"
          variant="light"
          disabled={!target}
          loading={fetching}
          onClick={() => void onMove()}
        >
          {t('cohorts.allocation.move')}
        </Button>
      </Group>
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

function ConfirmButton({
  allocationId,
  count,
  onConfirmed,
}: {
  allocationId: string;
  count: number;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [{ fetching }, confirm] = useMutation(ConfirmAllocationMutation);
  const [problem, setProblem] = useState<string>();
  const onConfirm = async () => {
    setProblem(undefined);
    const result = await confirm({ id: allocationId });
    if (result.error) setProblem(allocationRefusal(result.error, 'confirm', t));
    else {
      setOpened(false);
      onConfirmed();
    }
  };
  return (
    <>
      <Button color="teal.9" onClick={() => setOpened(true)} w="fit-content">
        {t('cohorts.allocation.confirm')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('cohorts.allocation.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('cohorts.allocation.cancel') }}
        centered
      >
        <Stack>
          <Text>{t('cohorts.allocation.confirmBody', { count })}</Text>
          <FormError message={problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('cohorts.allocation.cancel')}
            </Button>
            <Button color="teal.9" loading={fetching} onClick={() => void onConfirm()}>
              {t('cohorts.allocation.confirmYes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
