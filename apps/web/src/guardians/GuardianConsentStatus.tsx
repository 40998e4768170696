import { Alert, Badge, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { GuardianConsentStateFragment, GuardianConsentStatus } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { ResendGuardianConsentMutation } from './guardian-documents';

// Dark enough for white words at 4.5:1, as the engagement status badges.
const COLOURS: Record<GuardianConsentStatus, string> = {
  PENDING: 'grape.9',
  GIVEN: 'teal.9',
  REFUSED: 'red.9',
  WITHDRAWN: 'red.9',
};

export function GuardianConsentBadge({ consent }: { consent: GuardianConsentStateFragment }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[consent.status]} data-testid="guardian-consent">
      {t(`guardians.state.${consent.status}`)}
    </Badge>
  );
}

// The consent's state with what to do about it: the participant can have the e-mail sent again
// while it waits; the people supervising see why they cannot accept yet. For engagements and
// event registrations alike (the events screens can place it too).
export function GuardianConsentStatus({
  consent,
  viewer,
}: {
  consent: GuardianConsentStateFragment;
  viewer: 'participant' | 'staff';
}) {
  const { t, i18n } = useTranslation();
  const [resent, resend] = useMutation(ResendGuardianConsentMutation);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async () => {
    const outcome = await resend({ consentId: consent.id });
    if (outcome.error) {
      setMessage({
        ok: false,
        text: formErrorsOf(outcome.error, [], t).form ?? t('errors.generic'),
      });
    } else {
      setMessage({ ok: true, text: t('guardians.sent') });
    }
  };
  return (
    <Stack gap={6} align="flex-start">
      <GuardianConsentBadge consent={consent} />
      {consent.status === 'PENDING' && (
        <Text size="sm" c="gray.8">
          {viewer === 'participant'
            ? t('guardians.pendingHint', {
                date: formatDateTime(consent.lastSentAt, i18n.language),
              })
            : t('guardians.staffPendingHint')}
        </Text>
      )}
      {consent.status === 'GIVEN' && consent.decidedAt && (
        <Text size="sm" c="gray.8">
          {t('guardians.givenBy', {
            name: consent.decidedByName,
            date: formatDate(consent.decidedAt, i18n.language),
          })}
        </Text>
      )}
      {viewer === 'participant' && consent.status === 'PENDING' && (
        <Button size="xs" variant="default" loading={resent.fetching} onClick={() => void send()}>
          {t('guardians.sendAgain')}
        </Button>
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} py={6}>
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}
