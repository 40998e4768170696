import { Anchor, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import type { MySettingsFieldsFragment } from '../gql/graphql';
import { formErrorsOf, type FormErrors } from '../graphql/form-errors';
import { changeLanguage, LANGUAGE_CHOICES, type Language } from '../i18n/i18n';
import { MySettingsQuery, UpdateMySettingsMutation } from './settings-documents';
import { TimeZoneSelect } from './TimeZoneSelect';
import { FormError } from '../app/FormError';

// Language and time zone, kept on the account: e-mails and the daily digest use them, and the
// language chosen here switches the screens too.
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={720} mx="auto">
      <Title order={1}>{t('settings.title')}</Title>
      <RequireSignIn>
        <GeneralSettings />
        <Paper withBorder p="md">
          <Anchor component={Link} to="/settings/notifications" fw={700}>
            {t('settings.notificationsLink')}
          </Anchor>
          <Text size="sm" c="gray.7">
            {t('settings.notificationsLinkHint')}
          </Text>
        </Paper>
      </RequireSignIn>
    </Stack>
  );
}

function GeneralSettings() {
  const [{ data, error }, reexecute] = useQuery({ query: MySettingsQuery });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  return <GeneralSettingsForm me={data.me} />;
}

type Field = 'locale' | 'timeZone';

function GeneralSettingsForm({ me }: { me: MySettingsFieldsFragment }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Language>(me.locale === 'en' ? 'en' : 'ja');
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateMySettingsMutation);
  const changed = locale !== me.locale || timeZone !== me.timeZone;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setErrors({ fields: {} });
    const result = await update({ input: { locale, timeZone } });
    if (result.error) {
      setErrors(formErrorsOf(result.error, ['locale', 'timeZone'] as const, t));
      return;
    }
    await changeLanguage(locale);
    setSaved(true);
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby="general-settings-title"
    >
      <Stack>
        <Title order={2} size="h4" id="general-settings-title">
          {t('settings.general')}
        </Title>
        <Radio.Group
          label={t('settings.language')}
          description={t('settings.languageHint')}
          value={locale}
          onChange={(value) => setLocale(value === 'en' ? 'en' : 'ja')}
          error={errors.fields.locale}
        >
          <Group mt="xs">
            {LANGUAGE_CHOICES.map((choice) => (
              <Radio key={choice.value} value={choice.value} label={choice.label} />
            ))}
          </Group>
        </Radio.Group>
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={errors.fields.timeZone} />
        <FormError message={errors.form} />
        <Group>
          <Button type="submit" loading={fetching} disabled={!changed && !saved}>
            {t('settings.save')}
          </Button>
          {saved && !changed && (
            <Text role="status" c="teal.9" fw={700}>
              {t('settings.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
