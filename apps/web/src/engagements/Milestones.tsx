import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { ErrorState, LoadingState } from '../app/page-states';
import { formErrorsOf } from '../graphql/form-errors';
import { useMutationForm } from '../graphql/use-mutation-form';
import { FormDayField } from '../i18n/FormDayField';
import { dayText } from '../i18n/day';
import { formatDate } from '../i18n/format';
import {
  AddMilestoneMutation,
  CompleteMilestoneMutation,
  MilestonesQuery,
} from './engagement-documents';
import { FormError } from '../app/FormError';

// The API's limit (AddMilestoneInput).
const TITLE_MAX = 200;

// The engagement's milestones by due date. While it is active, its parties mark one done
// (canComplete) and the region's and the intermediary's staff add them (canAdd).
export function Milestones({
  engagementId,
  canComplete,
  canAdd = false,
}: {
  engagementId: string;
  canComplete: boolean;
  canAdd?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: MilestonesQuery,
    variables: { id: engagementId },
    requestPolicy: 'cache-and-network',
  });
  const [completing, complete] = useMutation(CompleteMilestoneMutation);
  const [completeError, setCompleteError] = useState<string>();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const language = i18n.language;
  let body;
  if (error && !data) body = <ErrorState error={error} onRetry={refresh} />;
  else if (!data) body = <LoadingState />;
  else if (data.engagementMilestones.length === 0)
    body = <Text c="gray.7">{t('engagements.milestones.empty')}</Text>;
  else
    body = (
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.engagementMilestones.map((m) => (
          <Group
            component="li"
            key={m.id}
            justify="space-between"
            gap="xs"
            wrap="wrap"
            data-testid="milestone"
          >
            <Stack gap={0}>
              <Text fw={500}>{m.title}</Text>
              <Text size="sm" c="gray.7">
                {m.doneAt
                  ? t('engagements.milestones.done', { date: formatDate(m.doneAt, language) })
                  : t('engagements.milestones.due', { date: formatDate(m.dueDate, language) })}
              </Text>
            </Stack>
            {m.doneAt ? (
              <Badge color="teal.9">{t('engagements.status.COMPLETED')}</Badge>
            ) : (
              canComplete && (
                <Button
                  size="xs"
                  variant="light"
                  loading={completing.fetching && completing.operation?.variables.id === m.id}
                  onClick={() => {
                    setCompleteError(undefined);
                    void complete({ id: m.id }).then((result) => {
                      if (result.error) setCompleteError(formErrorsOf(result.error, [], t).form);
                    });
                  }}
                >
                  {t('engagements.milestones.complete')}
                </Button>
              )
            )}
          </Group>
        ))}
      </Stack>
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="milestones-title">
      <Stack>
        <Title order={2} size="h4" id="milestones-title">
          {t('engagements.milestones.title')}
        </Title>
        {canAdd && <MilestoneForm engagementId={engagementId} onAdded={refresh} />}
        <FormError message={completeError} />
        {body}
      </Stack>
    </Paper>
  );
}

interface MilestoneValues {
  title: string;
  dueDate: string;
}

function MilestoneForm({ engagementId, onAdded }: { engagementId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const [, add] = useMutation(AddMilestoneMutation);
  const [added, setAdded] = useState(false);
  const schema = useMemo(
    () =>
      z.object({
        title: z.string().trim().min(1, t('form.required')).max(TITLE_MAX),
        dueDate: dayText(t, i18n.language).min(1, t('form.required')),
      }),
    [t, i18n.language],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { title: '', dueDate: '' },
    ({ title, dueDate }: MilestoneValues) => {
      setAdded(false);
      return add({ input: { engagementId, title, dueDate } });
    },
    () => {
      form.reset();
      setAdded(true);
      onAdded();
    },
  );
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="milestone-form-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="milestone-form-title">
          {t('engagements.milestones.add')}
        </Title>
        <FormError message={formError} />
        {added && (
          <Alert color="green" role="status">
            {t('engagements.milestones.added')}
          </Alert>
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('engagements.milestones.titleLabel')}
            required
            maxLength={TITLE_MAX}
            style={{ flex: '1 1 220px' }}
            error={errors.title?.message}
            {...form.register('title')}
          />
          <FormDayField
            control={form.control}
            name="dueDate"
            label={t('engagements.milestones.dueDate')}
            required
            w={220}
          />
        </Group>
        <Group>
          <Button type="submit" loading={submitting}>
            {t('engagements.milestones.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
