import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState, ErrorState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import type { CompanyProgramFieldsFragment } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { useMutationForm } from '../graphql/use-mutation-form';
import { FormDayField } from '../i18n/FormDayField';
import { dayText, endNotBefore, isDay } from '../i18n/day';
import { formatPeriod } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  AddProjectToCompanyProgramMutation,
  CompanyProgramsQuery,
  CreateCompanyProgramMutation,
  EmployeeProjectsQuery,
  RemoveProjectFromCompanyProgramMutation,
} from './company-documents';
import { OwnerOnly } from './OwnerOnly';
import { FormError } from '../app/FormError';

// /manage/:orgId/company/programs: the company's programs with the projects they target, a search
// to add published projects open to employees, and a form for a new program.
export function CompanyProgramsPage() {
  const { t } = useTranslation();
  return (
    <OwnerOnly title={t('company.programs.title')}>
      <Text>{t('company.programs.intro')}</Text>
      <Programs />
    </OwnerOnly>
  );
}

function Programs() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [reloadToken, setReloadToken] = useState(0);
  return (
    <>
      <PagedQuery
        query={CompanyProgramsQuery}
        variables={{ companyOrganizationId: organization.id }}
        pageSize={20}
        connection={(data) => data.companyPrograms}
        empty={
          <EmptyState title={t('company.programs.empty')} hint={t('company.programs.emptyHint')} />
        }
        moreLabel={t('company.programs.more')}
        keyOf={(program) => program.id}
        reloadToken={reloadToken}
      >
        {(program) => <ProgramCard program={program} />}
      </PagedQuery>
      <CreateProgramForm onCreated={() => setReloadToken((n) => n + 1)} />
    </>
  );
}

function ProgramCard({ program }: { program: CompanyProgramFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const [, remove] = useMutation(RemoveProjectFromCompanyProgramMutation);
  const [problem, setProblem] = useState<string>();
  const headingId = `program-${program.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="company-program">
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          {program.name}
        </Title>
        <Text size="sm" c="gray.7">
          {t('company.programs.period', {
            period: formatPeriod(program.startDate, program.endDate, i18n.language),
          })}
        </Text>
        {program.description && (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{program.description}</Text>
        )}
        <Title order={4} size="h5">
          {t('company.programs.projects')}
        </Title>
        <FormError message={problem} />
        {program.projects.length === 0 ? (
          <Text c="gray.7">{t('company.programs.noProjects')}</Text>
        ) : (
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {program.projects.map((project) => (
              <li key={project.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text component={Link} to={`/projects/${project.id}`} fw={600} td="underline">
                      {project.title}
                    </Text>
                    {project.municipality && (
                      <Text size="sm" c="gray.7">
                        {i18n.language === 'ja'
                          ? project.municipality.name
                          : project.municipality.nameEn}
                      </Text>
                    )}
                  </div>
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    aria-label={t('company.programs.removeProject', { title: project.title })}
                    onClick={() =>
                      void remove({ input: { programId: program.id, projectId: project.id } }).then(
                        (r) =>
                          setProblem(
                            r.error
                              ? (formErrorsOf(r.error, [], t).form ?? t('errors.generic'))
                              : undefined,
                          ),
                      )
                    }
                  >
                    ×
                  </Button>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <AddProject programId={program.id} targeted={program.projects.map((p) => p.id)} />
      </Stack>
    </Card>
  );
}

// Published projects open to company employees, searched as one types.
function AddProject({ programId, targeted }: { programId: string; targeted: string[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [{ data, error, fetching }] = useQuery({
    query: EmployeeProjectsQuery,
    variables: { text: debounced || null },
  });
  const [, add] = useMutation(AddProjectToCompanyProgramMutation);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const candidates = (data?.projects.edges ?? [])
    .map((e) => e.node)
    .filter((p) => !targeted.includes(p.id));
  return (
    <Stack gap="xs" component="section" aria-label={t('company.programs.addProject')}>
      <TextInput
        label={t('company.programs.search')}
        description={t('company.programs.searchHint')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        rightSection={fetching ? <Loader size="xs" aria-hidden /> : null}
        maw={480}
      />
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </Alert>
      )}
      {error && !data ? (
        <ErrorState error={error} />
      ) : data && data.projects.edges.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('company.programs.searchEmpty')}
        </Text>
      ) : (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {candidates.map((project) => (
            <li key={project.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text>{project.title}</Text>
                  <Text size="sm" c="gray.7">
                    {project.region.name}
                  </Text>
                </div>
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={`${t('company.programs.add')}: ${project.title}`}
                  onClick={() =>
                    void add({ input: { programId, projectId: project.id } }).then((r) =>
                      setOutcome(
                        r.error
                          ? {
                              ok: false,
                              text: formErrorsOf(r.error, [], t).form ?? t('errors.generic'),
                            }
                          : { ok: true, text: t('company.programs.added') },
                      ),
                    )
                  }
                >
                  {t('company.programs.add')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CreateProgramForm({ onCreated }: { onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const [, create] = useMutation(CreateCompanyProgramMutation);
  const schema = useMemo(
    () =>
      z
        .object({
          name: z.string().trim().min(2, t('company.programs.create.nameRequired')).max(200),
          description: z.string().max(4000),
          startDate: dayText(t, i18n.language).min(1, t('company.programs.create.dateRequired')),
          endDate: dayText(t, i18n.language),
        })
        .superRefine((v, ctx) => {
          const message = endNotBefore(t, i18n.language, v.startDate, v.endDate);
          if (message) ctx.addIssue({ code: 'custom', path: ['endDate'], message });
        }),
    [t, i18n.language],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { name: '', description: '', startDate: '', endDate: '' },
    (values) =>
      create({
        input: {
          companyOrganizationId: organization.id,
          name: values.name,
          description: values.description,
          startDate: values.startDate,
          endDate: values.endDate || null,
        },
      }),
    () => {
      form.reset();
      onCreated();
    },
  );
  const { errors } = form.formState;
  const startDate = form.watch('startDate');
  return (
    <Card withBorder component="section" aria-labelledby="new-program">
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={3} size="h4" id="new-program">
            {t('company.programs.create.title')}
          </Title>
          <FormError message={formError} />
          <TextInput
            label={t('company.programs.create.name')}
            placeholder={t('company.programs.create.namePlaceholder')}
            required
            error={errors.name?.message}
            {...form.register('name')}
          />
          <Textarea
            label={t('company.programs.create.description')}
            autosize
            minRows={2}
            error={errors.description?.message}
            {...form.register('description')}
          />
          <Group grow wrap="wrap" align="flex-start">
            <FormDayField
              control={form.control}
              name="startDate"
              label={t('company.programs.create.startDate')}
              required
              miw={200}
            />
            <FormDayField
              control={form.control}
              name="endDate"
              label={t('company.programs.create.endDate')}
              miw={200}
              min={isDay(startDate) ? startDate : undefined}
            />
          </Group>
          <Button type="submit" loading={submitting} w="fit-content">
            {t('company.programs.create.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
