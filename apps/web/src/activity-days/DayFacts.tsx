import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityDayFieldsFragment as Day } from '../gql/graphql';
import { formatDayWithWeekday, formatNumber } from '../i18n/format';

// What a day is, for the region and the participant alike: when, how long, where to meet, what
// to bring and the region's note in the reader's language (Japanese when there is no English).
export function DayFacts({
  day,
  language,
  heading,
}: {
  day: Day;
  language: string;
  heading: 3 | 4;
}) {
  const { t } = useTranslation();
  const note = (language === 'en' && day.noteEn) || day.noteJa;
  return (
    <Stack gap={4}>
      <Title order={heading} size="h4">
        {formatDayWithWeekday(day.date, language)}
      </Title>
      <Text fw={600}>
        {t('activityDays.time', { start: day.startTime, end: day.endTime })} ·{' '}
        {t('activityDays.hours', { hours: formatNumber(day.hours, language) })}
      </Text>
      <Text size="sm">
        {t('app.labelled', { label: t('activityDays.meetingPoint'), value: day.meetingPoint })}
      </Text>
      {day.whatToBring && (
        <Text size="sm">
          {t('app.labelled', { label: t('activityDays.whatToBring'), value: day.whatToBring })}
        </Text>
      )}
      {note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('app.labelled', { label: t('activityDays.note'), value: note })}
        </Text>
      )}
    </Stack>
  );
}
