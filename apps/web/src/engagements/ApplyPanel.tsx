import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { isEmailNotVerified } from '../account/account-rules';
import { VerifyEmailFirst } from '../account/EmailVerification';
import { ErrorState } from '../app/page-states';
import { useSession } from '../auth/session-context';
import { formErrorsOf } from '../graphql/form-errors';
import { formatNumber } from '../i18n/format';
import { ApplyMutation, MyEngagementForProjectQuery } from './engagement-documents';
import { StatusBadge } from './StatusBadge';
import { FormError } from '../app/FormError';

// The API's limits (ApplyToProjectInput.motivation), checked here first.
export const MOTIVATION_MIN = 10;
export const MOTIVATION_MAX = 4000;

// On a project's page: the signed-in participant applies with their motivation, or, having
// applied, sees where their engagement stands. Guests get the page's own sign-in button. A
// project that takes no applications (no longer published) shows the engagement only.
export function ApplyPanel({
  projectId,
  takesApplications = true,
}: {
  projectId: string;
  takesApplications?: boolean;
}) {
  const { current } = useSession();
  if (!current) return null;
  return <SignedInApplyPanel projectId={projectId} takesApplications={takesApplications} />;
}

function SignedInApplyPanel({
  projectId,
  takesApplications,
}: {
  projectId: string;
  takesApplications: boolean;
}) {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: MyEngagementForProjectQuery,
    variables: { projectId },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  // Nothing while loading: the project above is what the reader looks at first.
  if (!data) return null;
  const engagement = data.myEngagementForProject;
  if (engagement) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="apply-title">
        <Stack gap="xs">
          <Group gap="sm">
            <Title order={2} size="h4" id="apply-title">
              {t('engagements.apply.applied')}
            </Title>
            <StatusBadge status={engagement.status} />
          </Group>
          <Text>{t(`engagements.next.${engagement.status}`)}</Text>
          <Group>
            <Button component={Link} to={`/engagements/${engagement.id}`} variant="light">
              {t('engagements.apply.view')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }
  if (!takesApplications) return null;
  return (
    <MotivationForm
      projectId={projectId}
      onApplied={() => reexecute({ requestPolicy: 'network-only' })}
    />
  );
}

export function MotivationForm({
  projectId,
  onApplied,
}: {
  projectId: string;
  onApplied: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [, apply] = useMutation(ApplyMutation);
  // Limits written as the reader writes numbers (4,000).
  const limits = { min: MOTIVATION_MIN, max: formatNumber(MOTIVATION_MAX, i18n.language) };
  const [formError, setFormError] = useState<string>();
  const [mustVerify, setMustVerify] = useState(false);
  const schema = useMemo(() => {
    const length = t('engagements.apply.length', {
      min: MOTIVATION_MIN,
      max: formatNumber(MOTIVATION_MAX, i18n.language),
    });
    return z.object({
      motivation: z.string().trim().min(MOTIVATION_MIN, length).max(MOTIVATION_MAX, length),
    });
  }, [t, i18n.language]);
  const form = useForm<{ motivation: string }>({
    resolver: zodResolver(schema),
    defaultValues: { motivation: '' },
  });
  const onSubmit = form.handleSubmit(async ({ motivation }) => {
    setFormError(undefined);
    const result = await apply({ input: { projectId, motivation } });
    if (!result.error) return onApplied();
    if (isEmailNotVerified(result.error)) return setMustVerify(true);
    const first = result.error.graphQLErrors[0]?.extensions ?? {};
    const errors = formErrorsOf(result.error, ['motivation', 'projectId'], t, {
      ALREADY_APPLIED: { message: t('engagements.apply.applied') },
      NOT_TAKING_APPLICATIONS: { message: t('engagements.apply.closed') },
      NOT_FOUND: { message: t('engagements.apply.closed') },
      // A refusal with no reason is the API's "create your participant profile first"; others
      // (with a reason) keep their own words.
      ...(first.code === 'FORBIDDEN' && !first.reason
        ? { FORBIDDEN: { message: t('engagements.apply.needProfile') } }
        : {}),
    });
    if (errors.fields.motivation) {
      form.setError('motivation', { message: errors.fields.motivation }, { shouldFocus: true });
    }
    // The project being closed to the participant's kind is said in the reader's language.
    if (errors.fields.projectId) setFormError(t('engagements.apply.notOpen'));
    else setFormError(errors.form);
    if (first.reason === 'ALREADY_APPLIED') onApplied();
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="apply-title">
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <Stack>
          <Title order={2} size="h4" id="apply-title">
            {t('engagements.apply.title')}
          </Title>
          {mustVerify && <VerifyEmailFirst />}
          <FormError message={formError} />
          <Textarea
            label={t('engagements.apply.motivation')}
            description={t('engagements.apply.motivationHint', limits)}
            required
            autosize
            minRows={4}
            maxLength={MOTIVATION_MAX}
            error={errors.motivation?.message}
            {...form.register('motivation')}
          />
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('engagements.apply.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
