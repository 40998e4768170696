import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { formErrorsOf } from '../graphql/form-errors';
import type { AllocationMode } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { AllocationPanel } from './AllocationPanel';
import { allocationRefusal } from './allocation-refusal';
import { namesOf, type StaffCohort } from './cohort-names';
import {
  AddCohortMembersMutation,
  AddCohortProjectsMutation,
  CohortParticipantSearchQuery,
  CohortProjectSearchQuery,
  CohortQuery,
  IntermediaryRemitQuery,
  RunAllocationMutation,
} from './cohort-documents';
import { FormError } from '../app/FormError';

// /manage/:orgId/cohorts/:cohortId: who is in the cohort and how they ranked, which projects
// take part, and the allocation from running it to confirming it.
export function CohortPage() {
  const { t } = useTranslation();
  const { cohortId } = useParams();
  const { organization } = useWorkspace();
  const [{ data, error }, refetch] = useQuery({
    query: CohortQuery,
    variables: { id: cohortId! },
    requestPolicy: 'cache-and-network',
  });
  const back = (
    <Anchor component={Link} to={`/manage/${organization.id}/cohorts`} size="sm">
      {t('cohorts.back')}
    </Anchor>
  );
  if (!data && error) {
    const missing = error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
    return (
      <Stack>
        {back}
        {missing ? (
          <EmptyState title={t('cohorts.notFound')} />
        ) : (
          <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        )}
      </Stack>
    );
  }
  if (!data) return <LoadingState />;
  const cohort = data.cohort;
  const open = cohort.status === 'OPEN';
  return (
    <Stack>
      {back}
      <Group gap="sm" align="baseline" wrap="wrap">
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {cohort.name}
        </Title>
        <Badge variant="outline" color={open ? 'teal.9' : 'gray.7'}>
          {t(`cohorts.status.${cohort.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {t('app.labelled', { label: t('cohorts.program'), value: cohort.program.name })}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <MembersSection cohort={cohort} />
        <ProjectsSection cohort={cohort} />
      </SimpleGrid>
      {open && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <AddMembers cohort={cohort} />
          <AddProjects cohort={cohort} />
        </SimpleGrid>
      )}
      <Allocations cohort={cohort} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
    </Stack>
  );
}

function MembersSection({ cohort }: { cohort: StaffCohort }) {
  const { t } = useTranslation();
  const members = cohort.members ?? [];
  const names = namesOf(cohort);
  const missing = members.filter((m) => m.ranking.length === 0).length;
  return (
    <Card withBorder component="section" aria-labelledby="cohort-members">
      <Title order={3} size="h4" id="cohort-members">
        {t('cohorts.members.title')}
      </Title>
      {members.length === 0 ? (
        <EmptyState title={t('cohorts.members.empty')} />
      ) : (
        <Stack gap="xs" mt="xs">
          <Text size="sm" c={missing ? 'red.9' : 'teal.9'} fw={600}>
            {missing
              ? t('cohorts.members.missingSummary', { count: missing })
              : t('cohorts.members.allRanked')}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {members.map((member) => (
              <li key={member.participant.participantId} data-testid="cohort-member">
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{member.participant.displayName}</Text>
                  {member.ranking.length === 0 ? (
                    <Badge color="red.9" variant="filled">
                      {t('cohorts.members.missing')}
                    </Badge>
                  ) : (
                    <Badge color="teal.9" variant="outline">
                      {t('cohorts.members.ranked', { count: member.ranking.length })}
                    </Badge>
                  )}
                </Group>
                {member.ranking.length > 0 && (
                  <List
                    type="ordered"
                    size="sm"
                    aria-label={t('cohorts.members.rankingOf', {
                      name: member.participant.displayName,
                    })}
                  >
                    {member.ranking.map((r) => (
                      <List.Item key={r.project.id}>{names.project(r.project.id)}</List.Item>
                    ))}
                  </List>
                )}
              </li>
            ))}
          </Stack>
        </Stack>
      )}
    </Card>
  );
}

function ProjectsSection({ cohort }: { cohort: StaffCohort }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="cohort-projects">
      <Title order={3} size="h4" id="cohort-projects">
        {t('cohorts.projects.title')}
      </Title>
      {cohort.projects.length === 0 ? (
        <EmptyState title={t('cohorts.projects.empty')} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} mt="xs" style={{ listStyle: 'none' }}>
          {cohort.projects.map(({ project, capacity }) => (
            <li key={project.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Anchor component={Link} to={`/projects/${project.id}`} fw={600} c="dark">
                    {project.title}
                  </Anchor>
                  <Text size="sm" c="gray.7">
                    {placeName(project.place, i18n.language)} · {project.region.name}
                  </Text>
                </div>
                <Badge variant="outline" color="gray.7" style={{ flexShrink: 0 }}>
                  {t('cohorts.projects.seats', { count: capacity })}
                </Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function AddMembers({ cohort }: { cohort: StaffCohort }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [{ data, error }, refetch] = useQuery({
    query: CohortParticipantSearchQuery,
    variables: { filter: debounced ? { text: debounced } : null, first: 20 },
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: adding }, add] = useMutation(AddCohortMembersMutation);
  const [problem, setProblem] = useState<string>();
  const inCohort = new Set((cohort.members ?? []).map((m) => m.participant.participantId));
  const onAdd = async (participantId: string) => {
    setProblem(undefined);
    const result = await add({ input: { cohortId: cohort.id, participantIds: [participantId] } });
    if (result.error) setProblem(formErrorsOf(result.error, [], t).form);
  };
  let results;
  if (!data && error)
    results = (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else if (!data) results = <LoadingState />;
  else if (data.searchParticipants.edges.length === 0)
    results = <EmptyState title={t('cohorts.addMembers.none')} />;
  else
    results = (
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
        {data.searchParticipants.edges.map(({ node }) => (
          <li key={node.userId}>
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600}>{node.displayName}</Text>
                <Text size="xs" c="gray.7">
                  {t(`profile.kinds.${node.kind}`)}
                  {node.homeMunicipality && ` · ${localName(node.homeMunicipality, i18n.language)}`}
                </Text>
              </div>
              <Button
                size="xs"
                variant={inCohort.has(node.userId) ? 'subtle' : 'light'}
                disabled={inCohort.has(node.userId) || adding}
                aria-label={`${t('cohorts.addMembers.add')}: ${node.displayName}`}
                onClick={() => void onAdd(node.userId)}
              >
                {inCohort.has(node.userId)
                  ? t('cohorts.addMembers.added')
                  : t('cohorts.addMembers.add')}
              </Button>
            </Group>
          </li>
        ))}
      </Stack>
    );
  return (
    <Card withBorder component="section" aria-labelledby="add-members">
      <Stack gap="xs">
        <Title order={3} size="h4" id="add-members">
          {t('cohorts.addMembers.title')}
        </Title>
        <TextInput
          label={t('cohorts.addMembers.search')}
          description={t('cohorts.addMembers.searchHint')}
          type="search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <FormError message={problem} />
        {results}
      </Stack>
    </Card>
  );
}

function AddProjects({ cohort }: { cohort: StaffCohort }) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data: remitData }] = useQuery({
    query: IntermediaryRemitQuery,
    variables: { id: organization.id },
  });
  const remit = remitData?.organization.remit;
  // The remit's prefectures and municipalities, as places to search in.
  const areas = [
    ...(remit?.prefectures ?? []).map((p) => ({
      value: `p:${p.code}`,
      label: localName(p, i18n.language),
    })),
    ...(remit?.municipalities ?? []).map((m) => ({
      value: `m:${m.code}`,
      label: localName(m, i18n.language),
    })),
  ];
  const [chosen, setChosen] = useState<string | null>(null);
  const area = chosen ?? areas[0]?.value ?? null;
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const filter = {
    text: debounced || null,
    prefectureCode: area?.startsWith('p:') ? area.slice(2) : null,
    municipalityCode: area?.startsWith('m:') ? area.slice(2) : null,
  };
  const [{ data, error }, refetch] = useQuery({
    query: CohortProjectSearchQuery,
    variables: { filter, first: 20 },
    pause: !area,
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: adding }, add] = useMutation(AddCohortProjectsMutation);
  const [problem, setProblem] = useState<string>();
  const inCohort = new Set(cohort.projects.map((p) => p.project.id));
  const onAdd = async (projectId: string) => {
    setProblem(undefined);
    const result = await add({ input: { cohortId: cohort.id, projects: [{ projectId }] } });
    if (result.error) setProblem(formErrorsOf(result.error, [], t).form);
  };
  let results;
  if (!area) results = <EmptyState title={t('cohorts.addProjects.none')} />;
  else if (!data && error)
    results = (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  else if (!data) results = <LoadingState />;
  else {
    const projects = data.projects.edges
      .map((e) => e.node)
      .filter((p) => !p.program || p.program.id === cohort.program.id);
    results =
      projects.length === 0 ? (
        <EmptyState title={t('cohorts.addProjects.none')} />
      ) : (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {projects.map((project) => (
            <li key={project.id}>
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={600}>{project.title}</Text>
                  <Text size="xs" c="gray.7">
                    {placeName(project.place, i18n.language)} · {project.region.name} ·{' '}
                    {t('cohorts.projects.seats', { count: project.capacity })}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant={inCohort.has(project.id) ? 'subtle' : 'light'}
                  disabled={inCohort.has(project.id) || adding}
                  aria-label={`${t('cohorts.addProjects.add')}: ${project.title}`}
                  onClick={() => void onAdd(project.id)}
                >
                  {inCohort.has(project.id)
                    ? t('cohorts.addProjects.added')
                    : t('cohorts.addProjects.add')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      );
  }
  return (
    <Card withBorder component="section" aria-labelledby="add-projects">
      <Stack gap="xs">
        <Title order={3} size="h4" id="add-projects">
          {t('cohorts.addProjects.title')}
        </Title>
        {areas.length > 1 && (
          <Select
            label={t('cohorts.addProjects.area')}
            data={areas}
            value={area}
            allowDeselect={false}
            onChange={setChosen}
          />
        )}
        <TextInput
          label={t('cohorts.addProjects.search')}
          type="search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <FormError message={problem} />
        {results}
      </Stack>
    </Card>
  );
}

// Running an allocation, and the one shown: the newest, or the one just started.
function Allocations({ cohort, onChanged }: { cohort: StaffCohort; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const [mode, setMode] = useState<AllocationMode>('STABLE');
  const [{ fetching: starting }, run] = useMutation(RunAllocationMutation);
  const [problem, setProblem] = useState<string>();
  const allocations = cohort.allocations ?? [];
  const current = shown ?? allocations[0]?.id ?? null;
  // An empty cohort cannot run: said before the button rather than refused after it.
  const empty = !cohort.members?.length || cohort.projects.length === 0;
  const onRun = async () => {
    setProblem(undefined);
    const result = await run({ cohortId: cohort.id, mode });
    if (result.error) setProblem(allocationRefusal(result.error, 'run', t));
    else if (result.data) {
      setShown(result.data.runAllocation.id);
      onChanged();
    }
  };
  return (
    <Stack>
      {cohort.status === 'OPEN' ? (
        <Card withBorder component="section" aria-labelledby="run-allocation">
          <Stack gap="sm">
            <Title order={3} size="h4" id="run-allocation">
              {t('cohorts.run.title')}
            </Title>
            <Radio.Group
              label={t('cohorts.run.mode')}
              value={mode}
              onChange={(value) => setMode(value)}
            >
              <Stack gap="sm" mt="xs">
                {(['STABLE', 'OPTIMAL'] as const).map((m) => (
                  <Radio
                    key={m}
                    value={m}
                    label={t(`cohorts.run.${m}`)}
                    description={t(`cohorts.run.${m}_hint`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <FormError message={problem} />
            {empty && <Text c="red.9">{t('cohorts.problem.EMPTY_COHORT')}</Text>}
            <Button
              onClick={() => void onRun()}
              loading={starting}
              disabled={empty}
              w="fit-content"
            >
              {t('cohorts.run.submit')}
            </Button>
          </Stack>
        </Card>
      ) : (
        <Text>{t('cohorts.run.confirmed')}</Text>
      )}
      {allocations.length > 1 && (
        <Select
          label={t('cohorts.allocation.history')}
          maw={480}
          allowDeselect={false}
          value={current}
          onChange={setShown}
          data={allocations.map((a) => ({
            value: a.id,
            label: t('cohorts.allocation.mode', {
              mode: t(`cohorts.run.${a.mode}`),
              date: formatDateTime(a.createdAt, i18n.language),
            }),
          }))}
        />
      )}
      {current && (
        <AllocationPanel
          key={current}
          allocationId={current}
          cohort={cohort}
          onChanged={onChanged}
        />
      )}
    </Stack>
  );
}
