import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useSession } from '../auth/session-context';
import { UpdateMySettingsMutation } from '../settings/settings-documents';
import { changeLanguage, LANGUAGE_CHOICES, type Language } from './i18n';

// Switches the screens at once; for a signed-in person it also becomes the account's language,
// the one e-mails and the digest are written in (as choosing it in the settings does).
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { current } = useSession();
  const [, saveSettings] = useMutation(UpdateMySettingsMutation);
  const choose = (language: Language) => {
    void changeLanguage(language);
    if (current) void saveSettings({ input: { locale: language } });
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(value) => choose(value as Language)}
      data={[...LANGUAGE_CHOICES]}
    />
  );
}
