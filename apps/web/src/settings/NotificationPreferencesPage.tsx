import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import type {
  DeliveryChannel,
  DeliveryMode,
  NotificationEventType,
  NotificationPreferenceFieldsFragment,
} from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import {
  MyNotificationPreferencesQuery,
  MySettingsQuery,
  SetNotificationPreferenceMutation,
} from './settings-documents';

// What a participant hears of about their own participation; the rest concerns staff of a
// region or an intermediary, shown to people with a membership.
const FOR_PARTICIPANTS: NotificationEventType[] = [
  'ENGAGEMENT_STATUS_CHANGED',
  'SCOUT_OFFER_RECEIVED',
  'FOLLOW_UP_DUE',
  'EVENT_PLACE_OFFERED',
  'EVENT_REMINDER',
  'EVENT_CANCELLED',
  // Mentoring is addressed to the person: the mentor, or the staff member who booked.
  'MENTORING_BOOKED',
  'MENTORING_CANCELLED',
  'ACTIVITY_DAYS_PUBLISHED',
  'ACTIVITY_DAY_REMINDER',
  'ACTIVITY_DAY_CANCELLED',
];

// The modes each channel offers, as the API allows them: in-app has no digest.
const MODES: Record<DeliveryChannel, DeliveryMode[]> = {
  IN_APP: ['IMMEDIATELY', 'OFF'],
  EMAIL: ['IMMEDIATELY', 'DAILY_DIGEST', 'OFF'],
};
const CHANNELS: DeliveryChannel[] = ['IN_APP', 'EMAIL'];

type Preference = NotificationPreferenceFieldsFragment;

export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={860} mx="auto">
      <Anchor component={Link} to="/settings" size="sm">
        ← {t('preferences.back')}
      </Anchor>
      <Title order={1}>{t('preferences.title')}</Title>
      <RequireSignIn>
        <Preferences />
      </RequireSignIn>
    </Stack>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({ query: MyNotificationPreferencesQuery });
  const [{ data: me }] = useQuery({ query: MySettingsQuery });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  const byType = new Map<NotificationEventType, Preference[]>();
  for (const p of data.myNotificationPreferences) {
    byType.set(p.eventType, [...(byType.get(p.eventType) ?? []), p]);
  }
  const staffTypes = [...byType.keys()].filter((type) => !FOR_PARTICIPANTS.includes(type));
  const isStaff = (me?.me.memberships.length ?? 0) > 0;
  return (
    <Stack>
      <Text>{t('preferences.intro')}</Text>
      <Text size="sm" c="gray.7">
        {t('preferences.digestHint')}
      </Text>
      <PreferenceSection title={t('preferences.forYou')} types={FOR_PARTICIPANTS} byType={byType} />
      {isStaff && (
        <PreferenceSection title={t('preferences.forStaff')} types={staffTypes} byType={byType} />
      )}
    </Stack>
  );
}

function PreferenceSection({
  title,
  types,
  byType,
}: {
  title: string;
  types: NotificationEventType[];
  byType: Map<NotificationEventType, Preference[]>;
}) {
  return (
    <Stack component="section" gap="sm">
      <Title order={2} size="h3">
        {title}
      </Title>
      {types
        .filter((type) => byType.has(type))
        .map((type) => (
          <EventPreferences key={type} type={type} preferences={byType.get(type)!} />
        ))}
    </Stack>
  );
}

function EventPreferences({
  type,
  preferences,
}: {
  type: NotificationEventType;
  preferences: Preference[];
}) {
  const { t } = useTranslation();
  const titleId = `preference-${type}`;
  return (
    <Paper withBorder p="md" component="fieldset" aria-labelledby={titleId} m={0}>
      <Text fw={700} id={titleId}>
        {t(`preferences.event.${type}.label`)}
      </Text>
      <Text size="sm" c="gray.7" mb="sm">
        {t(`preferences.event.${type}.hint`)}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {CHANNELS.map((channel) => {
          const preference = preferences.find((p) => p.channel === channel);
          return preference ? <ChannelPreference key={channel} preference={preference} /> : null;
        })}
      </SimpleGrid>
    </Paper>
  );
}

function ChannelPreference({ preference }: { preference: Preference }) {
  const { t } = useTranslation();
  const [{ fetching }, setPreference] = useMutation(SetNotificationPreferenceMutation);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { eventType, channel } = preference;
  const save = async (mode: DeliveryMode | null) => {
    setError(undefined);
    setSaved(false);
    const result = await setPreference({ input: { eventType, channel, mode } });
    if (result.error)
      setError(formErrorsOf(result.error, ['mode'] as const, t).fields.mode ?? t('errors.generic'));
    else setSaved(true);
  };
  const channelLabel = t(channel === 'IN_APP' ? 'preferences.inApp' : 'preferences.email');
  return (
    <Stack gap={4}>
      <Select
        label={channelLabel}
        aria-label={t('app.labelled', {
          label: t(`preferences.event.${eventType}.label`),
          value: channelLabel,
        })}
        data-testid={`preference-${eventType}-${channel}`}
        allowDeselect={false}
        value={preference.mode}
        disabled={fetching}
        onChange={(mode) => mode && void save(mode)}
        data={MODES[channel].map((mode) => ({ value: mode, label: t(`preferences.${mode}`) }))}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      <Group gap="xs" mih={24}>
        {preference.isDefault ? (
          <Text size="xs" c="gray.7">
            {t('preferences.isDefault')}
          </Text>
        ) : (
          <Button variant="subtle" size="compact-xs" onClick={() => void save(null)}>
            {t('preferences.reset')}
          </Button>
        )}
        {saved && (
          <Text size="xs" c="teal.9" role="status">
            {t('preferences.saved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
