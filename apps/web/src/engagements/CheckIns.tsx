import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Rating,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { ErrorState, LoadingState } from '../app/page-states';
import { formErrorsOf } from '../graphql/form-errors';
import { useMutationForm } from '../graphql/use-mutation-form';
import { formatDate, formatNumber } from '../i18n/format';
import {
  AddCheckInMutation,
  ApproveCheckInHoursMutation,
  CheckInsQuery,
} from './engagement-documents';
import { FormError } from '../app/FormError';

// The API's limits (AddCheckInInput).
const SUMMARY_MAX = 4000;
const HOURS_MAX = 80;

// The participant's reports on an active engagement: what was done and how many hours, each
// shown with whether the region has approved the hours yet. The region's staff (canApprove)
// approve the hours of each report.
export function CheckIns({
  engagementId,
  canAdd,
  canApprove = false,
}: {
  engagementId: string;
  canAdd: boolean;
  canApprove?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [approving, approve] = useMutation(ApproveCheckInHoursMutation);
  const [approveError, setApproveError] = useState<string>();
  const [{ data, error }, reexecute] = useQuery({
    query: CheckInsQuery,
    variables: { id: engagementId },
    requestPolicy: 'cache-and-network',
  });
  const language = i18n.language;
  let list;
  if (error && !data)
    list = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) list = <LoadingState />;
  else if (data.engagementCheckIns.length === 0)
    list = <Text c="gray.7">{t('engagements.checkIns.empty')}</Text>;
  else {
    const approvedHours = data.engagementCheckIns
      .filter((c) => c.approvedAt)
      .reduce((sum, c) => sum + c.hours, 0);
    list = (
      <Stack gap="sm">
        <Text size="sm" fw={700}>
          {t('engagements.checkIns.approvedTotal', {
            hours: formatNumber(Math.round(approvedHours * 10) / 10, language),
          })}
        </Text>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.engagementCheckIns.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm" data-testid="check-in">
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={700}>
                  {formatDate(c.createdAt, language)} ·{' '}
                  {t('engagements.checkIns.hoursValue', { hours: formatNumber(c.hours, language) })}
                </Text>
                <Group gap={4}>
                  {c.blocked && (
                    <Badge color="red.9">{t('engagements.checkIns.blockedMark')}</Badge>
                  )}
                  <Badge color={c.approvedAt ? 'teal.9' : 'gray.7'}>
                    {t(
                      c.approvedAt
                        ? 'engagements.checkIns.approved'
                        : 'engagements.checkIns.pending',
                    )}
                  </Badge>
                </Group>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.summary}
              </Text>
              {canApprove && !c.approvedAt && (
                <Group mt="xs">
                  <Button
                    size="xs"
                    loading={approving.fetching && approving.operation?.variables.id === c.id}
                    onClick={() => {
                      setApproveError(undefined);
                      void approve({ id: c.id }).then((result) => {
                        if (result.error) setApproveError(formErrorsOf(result.error, [], t).form);
                      });
                    }}
                  >
                    {t('engagements.checkIns.approve')}
                  </Button>
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="check-ins-title">
      <Stack>
        <Title order={2} size="h4" id="check-ins-title">
          {t('engagements.checkIns.title')}
        </Title>
        {canAdd && (
          <CheckInForm
            engagementId={engagementId}
            onAdded={() => reexecute({ requestPolicy: 'network-only' })}
          />
        )}
        <FormError message={approveError} />
        {list}
      </Stack>
    </Paper>
  );
}

interface CheckInValues {
  summary: string;
  hours: number | string;
  mood: number;
  blocked: boolean;
}

function CheckInForm({ engagementId, onAdded }: { engagementId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [, add] = useMutation(AddCheckInMutation);
  const [sent, setSent] = useState(false);
  const schema = useMemo(() => {
    const range = t('engagements.checkIns.hoursRange');
    return z.object({
      summary: z.string().trim().min(1, t('form.required')).max(SUMMARY_MAX),
      // NumberInput gives a number, or a string while empty or half typed.
      hours: z
        .union([z.number(), z.string()])
        .refine((h) => h !== '' && Number.isFinite(Number(h)), range)
        .transform(Number)
        .pipe(
          z
            .number()
            .min(0, range)
            .max(HOURS_MAX, range)
            .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, range),
        ),
      mood: z.number().int().min(0).max(5),
      blocked: z.boolean(),
    });
  }, [t]);
  const { form, formError, submitting, onSubmit } = useMutationForm<
    CheckInValues,
    Awaited<ReturnType<typeof add>>,
    z.output<typeof schema>
  >(
    schema,
    { summary: '', hours: '', mood: 0, blocked: false },
    ({ summary, hours, mood, blocked }) => {
      setSent(false);
      return add({ input: { engagementId, summary, hours, mood: mood || null, blocked } });
    },
    () => {
      form.reset();
      setSent(true);
      onAdded();
    },
  );
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="check-in-form-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="check-in-form-title">
          {t('engagements.checkIns.add')}
        </Title>
        <FormError message={formError} />
        {sent && (
          <Alert color="green" role="status">
            {t('engagements.checkIns.sent')}
          </Alert>
        )}
        <Textarea
          label={t('engagements.checkIns.summary')}
          required
          autosize
          minRows={2}
          maxLength={SUMMARY_MAX}
          error={errors.summary?.message}
          {...form.register('summary')}
        />
        <Controller
          control={form.control}
          name="hours"
          render={({ field }) => (
            <NumberInput
              label={t('engagements.checkIns.hours')}
              description={t('engagements.checkIns.hoursHint')}
              required
              min={0}
              max={HOURS_MAX}
              step={0.5}
              decimalScale={1}
              maw={200}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              ref={field.ref}
              error={errors.hours?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="mood"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="check-in-mood">
                {t('engagements.checkIns.mood')}
              </Text>
              <Rating
                value={field.value}
                onChange={field.onChange}
                getSymbolLabel={(value) => t('engagements.feedback.stars', { rating: value })}
                aria-labelledby="check-in-mood"
              />
            </Stack>
          )}
        />
        <Checkbox label={t('engagements.checkIns.blocked')} {...form.register('blocked')} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('engagements.checkIns.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
