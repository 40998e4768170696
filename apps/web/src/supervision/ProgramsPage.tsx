import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { ProgramFieldsFragment } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { ProgramWeightsEditor } from './ProgramWeightsEditor';
import {
  CreateProgramMutation,
  ProgramsQuery,
  SetStaleAfterDaysMutation,
} from './supervision-documents';
import { FormError } from '../app/FormError';

// /manage/:orgId/programs: an intermediary's programs, each with its check-in rhythm and its
// matching weights.
export function ProgramsPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data, error }, reexecute] = useQuery({
    query: ProgramsQuery,
    variables: { organizationId: organization.id },
    requestPolicy: 'cache-and-network',
  });
  let body;
  if (error && !data)
    body = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) body = <LoadingState />;
  else if (data.programs.length === 0)
    body = <EmptyState title={t('programs.empty')} hint={t('programs.emptyHint')} />;
  else
    body = (
      <Accordion variant="separated" chevronPosition="right">
        {data.programs.map((program) => (
          <Accordion.Item key={program.id} value={program.id} data-testid="program">
            <Accordion.Control>
              <Text fw={700}>{program.name}</Text>
              {program.description && (
                <Text size="sm" c="gray.7">
                  {program.description}
                </Text>
              )}
            </Accordion.Control>
            <Accordion.Panel>
              <Stack>
                <Anchor
                  component={Link}
                  to={`/manage/${organization.id}/programs/${program.id}/report`}
                  fw={700}
                >
                  {t('programReport.link')}
                </Anchor>
                <RhythmForm program={program} />
                <ProgramWeightsEditor programId={program.id} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    );
  return (
    <Stack>
      <Title order={2}>{t('programs.title')}</Title>
      <Text>{t('programs.intro')}</Text>
      {body}
      <CreateProgramForm onCreated={() => reexecute({ requestPolicy: 'network-only' })} />
    </Stack>
  );
}

function CreateProgramForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ name?: string; description?: string; form?: string }>({});
  const [done, setDone] = useState(false);
  const [{ fetching }, create] = useMutation(CreateProgramMutation);
  const submit = async () => {
    setDone(false);
    if (!name.trim()) return setErrors({ name: t('programs.create.nameRequired') });
    setErrors({});
    const result = await create({
      input: {
        intermediaryOrganizationId: organization.id,
        name: name.trim(),
        description: description.trim(),
      },
    });
    if (result.error) {
      const found = formErrorsOf(result.error, ['name', 'description'], t);
      return setErrors({ ...found.fields, form: found.form });
    }
    setName('');
    setDescription('');
    setDone(true);
    onCreated();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-program-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={3} id="new-program-title">
            {t('programs.create.title')}
          </Title>
          <FormError message={errors.form} />
          {done && (
            <Alert color="teal" role="status">
              {t('programs.create.created')}
            </Alert>
          )}
          <TextInput
            label={t('programs.create.name')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label={t('programs.create.description')}
            autosize
            minRows={2}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Group>
            <Button type="submit" loading={fetching}>
              {t('programs.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RhythmForm({ program }: { program: ProgramFieldsFragment }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<string | number>(program.staleAfterDays ?? '');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [{ fetching }, save] = useMutation(SetStaleAfterDaysMutation);
  const submit = async () => {
    setSaved(false);
    setError(undefined);
    const value = days === '' ? null : Number(days);
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 365))
      return setError(t('programs.rhythm.invalid'));
    const result = await save({ programId: program.id, days: value });
    if (result.error) {
      const found = formErrorsOf(result.error, ['days'], t);
      return setError(found.fields.days ?? found.form);
    }
    setSaved(true);
  };
  const current = program.staleAfterDays
    ? t('programs.rhythm.days', { days: program.staleAfterDays })
    : t('programs.rhythm.default');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs">
        <Title order={4}>{t('programs.rhythm.title')}</Title>
        <Text size="sm" data-testid="rhythm-current">
          {t('programs.rhythm.current', { value: current })}
        </Text>
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('programs.rhythm.label')}
            description={t('programs.rhythm.hint')}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            // Out of range is said, not silently changed.
            clampBehavior="none"
            value={days}
            onChange={setDays}
            error={error}
            maw={420}
          />
          <Button type="submit" variant="light" loading={fetching}>
            {t('programs.rhythm.save')}
          </Button>
        </Group>
        {saved && (
          <Text size="sm" c="teal.9" role="status">
            {t('programs.rhythm.saved')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
