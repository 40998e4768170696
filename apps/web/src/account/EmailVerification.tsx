import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { formErrorsOf } from '../graphql/form-errors';
import { AccountQuery, ResendEmailVerificationMutation } from './account-documents';

// Coloured titles on the light alert backgrounds are too faint to read (axe: color-contrast).
export const READABLE_TITLE = { title: { color: 'var(--mantine-color-dark-9)' } };

// Sends the verification e-mail again, and says it did (or why not, e.g. too many at once).
export function ResendVerificationButton() {
  const { t } = useTranslation();
  const [{ fetching }, resend] = useMutation(ResendEmailVerificationMutation);
  const [outcome, setOutcome] = useState<{ sent: boolean; message?: string }>();
  const onClick = async () => {
    const result = await resend({});
    setOutcome(
      result.error
        ? { sent: false, message: formErrorsOf(result.error, [], t).form }
        : { sent: true },
    );
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" size="xs" loading={fetching} onClick={() => void onClick()}>
        {t('banner.resend')}
      </Button>
      <div aria-live="polite">
        {outcome && (
          <Text size="sm" c={outcome.sent ? undefined : 'red.8'}>
            {outcome.sent ? t('banner.sent') : outcome.message}
          </Text>
        )}
      </div>
    </Stack>
  );
}

// For signed-in people who have not verified their address yet: what to do, and a resend button.
export function EmailVerificationBanner() {
  const { t } = useTranslation();
  const { current } = useSession();
  const [{ data }] = useQuery({ query: AccountQuery, pause: !current });
  const me = data?.me;
  if (!current || !me || me.emailVerified) return null;
  return (
    <Alert
      color="yellow"
      title={t('banner.title')}
      mb="md"
      data-testid="verify-email-banner"
      styles={READABLE_TITLE}
    >
      <Stack gap="xs">
        <Text size="sm">{t('banner.body', { email: me.email })}</Text>
        <ResendVerificationButton />
      </Stack>
    </Alert>
  );
}

// Where an application was refused with EMAIL_NOT_VERIFIED (see isEmailNotVerified): the words
// and the resend button, for the screens that apply.
export function VerifyEmailFirst() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" role="alert" title={t('banner.applyFirst')} styles={READABLE_TITLE}>
      <ResendVerificationButton />
    </Alert>
  );
}
