import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import type { FollowUpOutcome, MyFollowUpsQuery } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate, formatList } from '../i18n/format';
import { MyFollowUpsQuery as FollowUpsQuery, RecordFollowUpMutation } from './engagement-documents';
import { FormError } from '../app/FormError';

const OUTCOMES: FollowUpOutcome[] = [
  'REVISITED',
  'ONLINE_INVOLVEMENT',
  'FURUSATO_NOZEI',
  'NEW_ENGAGEMENT',
  'MOVED_OR_MOVING',
  'LOST_TOUCH',
];
const NOTE_MAX = 4000;

type FollowUp = MyFollowUpsQuery['myFollowUps'][number];

// The 3-, 6- and 12-month follow-ups of a completed engagement: when each is due, and once due,
// the participant records what became of their ties with the region.
export function FollowUps({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: FollowUpsQuery,
    requestPolicy: 'cache-and-network',
  });
  let body;
  if (error && !data)
    body = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) body = <LoadingState />;
  else {
    const mine = data.myFollowUps
      .filter((f) => f.engagementId === engagementId)
      .sort((a, b) => a.dueMonths - b.dueMonths);
    body = (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {mine.map((f) => (
          <li key={f.id}>
            <FollowUpItem followUp={f} />
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-ups-title">
      <Title order={2} size="h4" id="follow-ups-title" mb="xs">
        {t('engagements.followUps.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('engagements.followUps.intro')}
      </Text>
      {body}
    </Paper>
  );
}

function FollowUpItem({ followUp }: { followUp: FollowUp }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const due = Date.parse(followUp.dueAt) <= Date.now();
  return (
    <Paper withBorder p="sm" data-testid="follow-up">
      <Group justify="space-between" gap="xs">
        <Text fw={700}>{t('engagements.followUps.after', { months: followUp.dueMonths })}</Text>
        {followUp.recordedAt ? (
          <Badge color="teal.9">
            {t('engagements.followUps.recordedOn', {
              date: formatDate(followUp.recordedAt, language),
            })}
          </Badge>
        ) : (
          <Text size="sm" c="gray.7">
            {due
              ? t('engagements.followUps.due')
              : t('engagements.followUps.dueOn', { date: formatDate(followUp.dueAt, language) })}
          </Text>
        )}
      </Group>
      {followUp.recordedAt && followUp.outcomes && (
        <Text size="sm">
          {formatList(
            followUp.outcomes.map((o) => t(`engagements.outcome.${o}`)),
            language,
          )}
        </Text>
      )}
      {!followUp.recordedAt && due && <FollowUpForm followUpId={followUp.id} />}
    </Paper>
  );
}

// Also the supervisor's form on the supervision dashboard: one way of recording a follow-up.
export function FollowUpForm({
  followUpId,
  onRecorded,
}: {
  followUpId: string;
  onRecorded?: () => void;
}) {
  const { t } = useTranslation();
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [outcomesError, setOutcomesError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [{ fetching }, record] = useMutation(RecordFollowUpMutation);
  const submit = async () => {
    setOutcomesError(undefined);
    setFormError(undefined);
    if (outcomes.length === 0) return setOutcomesError(t('engagements.followUps.pickOne'));
    const result = await record({
      input: { followUpId, outcomes: outcomes as FollowUpOutcome[], note: note.trim() || null },
    });
    if (!result.error) return onRecorded?.();
    const errors = formErrorsOf(result.error, ['outcomes', 'note'], t);
    setOutcomesError(errors.fields.outcomes);
    setFormError(errors.form ?? errors.fields.note);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm" mt="sm">
        <FormError message={formError} />
        <Checkbox.Group
          label={t('engagements.followUps.outcomes')}
          value={outcomes}
          onChange={setOutcomes}
          error={outcomesError}
          required
        >
          <Stack gap={6} mt={6}>
            {OUTCOMES.map((o) => (
              <Checkbox key={o} value={o} label={t(`engagements.outcome.${o}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label={t('engagements.followUps.note')}
          autosize
          minRows={2}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={fetching}>
            {t('engagements.followUps.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
