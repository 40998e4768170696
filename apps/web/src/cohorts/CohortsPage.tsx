import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { useMutationForm } from '../graphql/use-mutation-form';
import { formatDate } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  CreateCohortMutation,
  IntermediaryProgramsQuery,
  ProgramCohortsQuery,
} from './cohort-documents';
import { FormError } from '../app/FormError';

// /manage/:orgId/cohorts: an intermediary's cohorts, program by program (the program chosen is
// in the address), and a form for a new one.
export function CohortsPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const [{ data, error }, refetch] = useQuery({
    query: IntermediaryProgramsQuery,
    variables: { organizationId: organization.id },
  });
  const heading = (
    <>
      <Title order={2}>{t('cohorts.title')}</Title>
      <Text>{t('cohorts.intro')}</Text>
    </>
  );
  if (!data && error)
    return (
      <Stack>
        {heading}
        <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </Stack>
    );
  if (!data) return <LoadingState />;
  const programs = data.programs;
  if (programs.length === 0)
    return (
      <Stack>
        {heading}
        <EmptyState title={t('cohorts.noPrograms')} hint={t('cohorts.noProgramsHint')} />
        <Button
          component={Link}
          to={`/manage/${organization.id}/programs`}
          variant="light"
          w="fit-content"
        >
          {t('cohorts.toPrograms')}
        </Button>
      </Stack>
    );
  const requested = params.get('program');
  const programId = programs.some((p) => p.id === requested) ? requested! : programs[0].id;
  return (
    <Stack>
      {heading}
      <Select
        label={t('cohorts.program')}
        data={programs.map((p) => ({ value: p.id, label: p.name }))}
        value={programId}
        allowDeselect={false}
        onChange={(value) => value && setParams({ program: value }, { replace: true })}
        maw={480}
      />
      <ProgramCohorts key={programId} programId={programId} />
    </Stack>
  );
}

function ProgramCohorts({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data, error }, refetch] = useQuery({
    query: ProgramCohortsQuery,
    variables: { programId },
    requestPolicy: 'cache-and-network',
  });
  let list;
  if (!data && error)
    list = <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  else if (!data) list = <LoadingState />;
  else if (data.programCohorts.length === 0)
    list = <EmptyState title={t('cohorts.list.empty')} hint={t('cohorts.list.emptyHint')} />;
  else
    list = (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.programCohorts.map((cohort) => {
          const members = cohort.members ?? [];
          return (
            <li key={cohort.id}>
              <Card
                withBorder
                component={Link}
                to={`/manage/${organization.id}/cohorts/${cohort.id}`}
              >
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={700}>{cohort.name}</Text>
                  <Badge variant="outline" color={cohort.status === 'OPEN' ? 'teal.9' : 'gray.7'}>
                    {t(`cohorts.status.${cohort.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" mt={4}>
                  {t('cohorts.list.counts', {
                    members: members.length,
                    ranked: members.filter((m) => m.ranking.length > 0).length,
                    projects: cohort.projects.length,
                  })}
                </Text>
                <Text size="sm" c="gray.7">
                  {t('cohorts.list.created', {
                    date: formatDate(cohort.createdAt, i18n.language),
                  })}
                </Text>
              </Card>
            </li>
          );
        })}
      </Stack>
    );
  return (
    <Stack>
      {list}
      <CreateCohortForm
        programId={programId}
        onCreated={() => refetch({ requestPolicy: 'network-only' })}
      />
    </Stack>
  );
}

function CreateCohortForm({ programId, onCreated }: { programId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const navigate = useNavigate();
  const [, create] = useMutation(CreateCohortMutation);
  const [created, setCreated] = useState(false);
  const schema = useMemo(
    () => z.object({ name: z.string().trim().min(1, t('cohorts.create.nameRequired')).max(200) }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { name: '' },
    ({ name }) => create({ input: { programId, name } }),
    (_values, result) => {
      if (!result.data) return;
      setCreated(true);
      onCreated();
      void navigate(`/manage/${organization.id}/cohorts/${result.data.createCohort.id}`);
    },
  );
  return (
    <Card withBorder component="section" aria-labelledby="new-cohort">
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={3} id="new-cohort" size="h4">
            {t('cohorts.create.title')}
          </Title>
          <FormError message={formError} />
          <TextInput
            label={t('cohorts.create.name')}
            placeholder={t('cohorts.create.namePlaceholder')}
            required
            error={form.formState.errors.name?.message}
            {...form.register('name')}
          />
          <Button type="submit" loading={submitting || created} w="fit-content">
            {t('cohorts.create.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
