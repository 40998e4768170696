import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ja';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Mantine's date pickers in the chosen language (month names, weekdays, Monday first in both).
// Weekends are not coloured: Mantine's red falls below 4.5:1 contrast on white.
export function DatesLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider
      settings={{
        locale: i18n.language === 'en' ? 'en' : 'ja',
        firstDayOfWeek: 1,
        weekendDays: [],
      }}
    >
      {children}
    </DatesProvider>
  );
}

// How a picked day reads in its input: 2027年4月1日 / April 1, 2027.
export function dateInputFormat(language: string): string {
  return language === 'en' ? 'MMMM D, YYYY' : 'YYYY年M月D日';
}
