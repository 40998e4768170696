import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(value) => void changeLanguage(value as Language)}
      data={[
        { value: 'ja', label: '日本語' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
