import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { StatusBadge } from '../engagements/StatusBadge';
import type { CompanyTeamsQuery as TeamsData } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { formatDate, formatList } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  ApplyAsCompanyTeamMutation,
  CompanyEmployeesQuery,
  CompanyProgramsQuery,
  CompanyTeamsQuery,
  CreateCompanyTeamMutation,
} from './company-documents';
import { type ChosenEmployee, EmployeePicker, MAX_TEAM_MEMBERS } from './EmployeePicker';
import { OwnerOnly } from './OwnerOnly';
import { FormError } from '../app/FormError';

type Team = TeamsData['companyTeams']['edges'][number]['node'];
type Application = TeamsData['companyTeamApplications'][number];
interface ProgramProject {
  id: string;
  title: string;
}

// /manage/:orgId/company/teams: the company's teams with their members and applications, applying
// as a team to a project of a company program, and a form for a new team of enrolled employees.
export function TeamsPage() {
  const { t } = useTranslation();
  return (
    <OwnerOnly title={t('company.teams.title')}>
      <Text>{t('company.teams.intro')}</Text>
      <Teams />
    </OwnerOnly>
  );
}

function Teams() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [reloadToken, setReloadToken] = useState(0);
  const reload = () => setReloadToken((n) => n + 1);
  // Every program's projects: a team without a program may apply to any of them.
  const [programs] = useQuery({
    query: CompanyProgramsQuery,
    variables: { companyOrganizationId: organization.id },
    requestPolicy: 'cache-and-network',
  });
  const allProjects = useMemo(() => {
    const byId = new Map<string, ProgramProject>();
    for (const { node } of programs.data?.companyPrograms.edges ?? [])
      for (const p of node.projects) byId.set(p.id, { id: p.id, title: p.title });
    return [...byId.values()];
  }, [programs.data]);
  return (
    <>
      <PagedQuery
        query={CompanyTeamsQuery}
        variables={{ companyOrganizationId: organization.id }}
        pageSize={20}
        connection={(data) => data.companyTeams}
        empty={<EmptyState title={t('company.teams.empty')} hint={t('company.teams.emptyHint')} />}
        moreLabel={t('company.programs.more')}
        keyOf={(team) => team.id}
        reloadToken={reloadToken}
      >
        {(team, data) => (
          <TeamCard
            team={team}
            applications={data.companyTeamApplications.filter((a) => a.teamId === team.id)}
            projects={team.program ? team.program.projects : allProjects}
            onApplied={reload}
          />
        )}
      </PagedQuery>
      <CreateTeamForm
        programs={(programs.data?.companyPrograms.edges ?? []).map((e) => e.node)}
        onCreated={reload}
      />
    </>
  );
}

function TeamCard({
  team,
  applications,
  projects,
  onApplied,
}: {
  team: Team;
  applications: Application[];
  projects: ProgramProject[];
  onApplied: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `team-${team.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="company-team">
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          {team.name}
        </Title>
        <Text size="sm" c="gray.7">
          {team.program
            ? t('company.teams.program', { name: team.program.name })
            : t('company.teams.noProgram')}
        </Text>
        <Text>
          <Text span fw={700}>
            {t('company.teams.members')}:{' '}
          </Text>
          {formatList(
            team.members.map((m) => m.displayName),
            i18n.language,
          )}
        </Text>
        <Title order={4} size="h5">
          {t('company.teams.applications')}
        </Title>
        {applications.length === 0 ? (
          <Text c="gray.7">{t('company.teams.noApplications')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table striped withTableBorder fz="sm" data-testid="team-applications">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('company.teams.project')}</Table.Th>
                  <Table.Th>{t('company.teams.member')}</Table.Th>
                  <Table.Th>{t('company.teams.status')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('company.teams.submittedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {applications.map((a) => (
                  <Table.Tr key={a.engagementId}>
                    <Table.Td>
                      <Text
                        component={Link}
                        to={`/projects/${a.projectId}`}
                        size="sm"
                        td="underline"
                      >
                        {a.projectTitle}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.participantName}</Table.Td>
                    {/* Wide enough for the badge's words: a phone squeezed them to an ellipsis. */}
                    <Table.Td miw={104}>
                      <StatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{formatDate(a.submittedAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ApplyForm teamId={team.id} projects={projects} onApplied={onApplied} />
      </Stack>
    </Card>
  );
}

function ApplyForm({
  teamId,
  projects,
  onApplied,
}: {
  teamId: string;
  projects: ProgramProject[];
  onApplied: () => void;
}) {
  const { t } = useTranslation();
  const [, apply] = useMutation(ApplyAsCompanyTeamMutation);
  const [sent, setSent] = useState<number>();
  const schema = useMemo(
    () =>
      z.object({
        projectId: z.string().min(1, t('company.teams.apply.projectRequired')),
        motivation: z
          .string()
          .trim()
          .min(10, t('company.teams.apply.motivationRequired'))
          .max(2000),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { projectId: '', motivation: '' },
    (values) => {
      setSent(undefined);
      return apply({ input: { teamId, ...values } });
    },
    (_values, result) => {
      if (!result.data) return;
      form.reset();
      setSent(result.data.applyAsCompanyTeam.length);
      onApplied();
    },
  );
  const titleId = `apply-${teamId}`;
  if (projects.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('company.teams.apply.noProjects')}
      </Text>
    );
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={4} size="h5" id={titleId}>
          {t('company.teams.apply.title')}
        </Title>
        <FormError message={formError} />
        {sent !== undefined && (
          <Alert color="green" role="status">
            {t('company.teams.apply.sent', { count: sent })}
          </Alert>
        )}
        <NativeSelect
          label={t('company.teams.apply.project')}
          data={[
            { value: '', label: t('company.teams.apply.choose') },
            ...projects.map((p) => ({ value: p.id, label: p.title })),
          ]}
          required
          maw={480}
          error={form.formState.errors.projectId?.message}
          {...form.register('projectId')}
        />
        <Textarea
          label={t('company.teams.apply.motivation')}
          description={t('company.teams.apply.motivationHint')}
          autosize
          minRows={3}
          required
          error={form.formState.errors.motivation?.message}
          {...form.register('motivation')}
        />
        <Button type="submit" loading={submitting} w="fit-content">
          {t('company.teams.apply.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function CreateTeamForm({
  programs,
  onCreated,
}: {
  programs: Array<{ id: string; name: string }>;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  // Only whether the company has anyone to form a team of: the picker searches the rest.
  const [{ data, error }] = useQuery({
    query: CompanyEmployeesQuery,
    variables: { companyOrganizationId: organization.id, first: 1 },
    requestPolicy: 'cache-and-network',
  });
  const [, create] = useMutation(CreateCompanyTeamMutation);
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('company.teams.create.nameRequired')).max(100),
        programId: z.string(),
        members: z
          .array(z.object({ id: z.string(), name: z.string() }))
          .min(1, t('company.teams.create.membersRequired'))
          .max(MAX_TEAM_MEMBERS),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { name: '', programId: '', members: [] as ChosenEmployee[] },
    (values) =>
      create({
        input: {
          companyOrganizationId: organization.id,
          name: values.name,
          programId: values.programId || null,
          memberUserIds: values.members.map((member) => member.id),
        },
      }),
    () => {
      form.reset();
      onCreated();
    },
  );
  let body;
  if (!data && error) body = <ErrorState error={error} />;
  else if (!data) body = <LoadingState />;
  else if (data.companyEmployees.edges.length === 0)
    body = (
      <Stack gap="xs" align="flex-start">
        <Text>{t('company.teams.create.noEmployees')}</Text>
        <Button
          component={Link}
          to={`/manage/${organization.id}/company/employees`}
          variant="light"
        >
          {t('company.teams.create.toEmployees')}
        </Button>
      </Stack>
    );
  else
    body = (
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <FormError message={formError} />
          <TextInput
            label={t('company.teams.create.name')}
            required
            error={form.formState.errors.name?.message}
            {...form.register('name')}
          />
          <NativeSelect
            label={t('company.teams.create.program')}
            data={[
              { value: '', label: t('company.teams.noProgram') },
              ...programs.map((p) => ({ value: p.id, label: p.name })),
            ]}
            maw={480}
            {...form.register('programId')}
          />
          <Controller
            control={form.control}
            name="members"
            render={({ field, fieldState }) => (
              <EmployeePicker
                companyOrganizationId={organization.id}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <Group>
            <Button type="submit" loading={submitting}>
              {t('company.teams.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  return (
    <Card withBorder component="section" aria-labelledby="new-team">
      <Stack gap="sm">
        <Title order={3} size="h4" id="new-team">
          {t('company.teams.create.title')}
        </Title>
        {body}
      </Stack>
    </Card>
  );
}
