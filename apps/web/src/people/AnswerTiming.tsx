import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import type { AnswerTiming as Timing } from './answer-timing';

// How long an application has waited, and the days left to answer it before it is overdue (and
// enough overdue ones pause the project).
export function AnswerTiming({ timing }: { timing: Timing }) {
  const { t, i18n } = useTranslation();
  const due = formatDate(timing.dueAt, i18n.language);
  let dueText: string;
  if (timing.daysLeft > 0)
    dueText = t('people.applications.daysLeft', { count: timing.daysLeft, date: due });
  else if (timing.daysLeft === 0) dueText = t('people.applications.dueToday');
  else dueText = t('people.applications.overdue', { count: -timing.daysLeft });
  const urgent = timing.daysLeft <= 1;
  return (
    <Group gap="xs" data-testid="answer-timing">
      <Text size="sm">
        {timing.daysWaited > 0
          ? t('people.applications.waited', { count: timing.daysWaited })
          : t('people.applications.waitedToday')}
      </Text>
      {/* In its sentence case and wrapping: a phone cut the upper-case date off. */}
      <Badge
        color={urgent ? 'red.9' : 'indigo.7'}
        data-testid="days-left"
        h="auto"
        styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      >
        {dueText}
      </Badge>
    </Group>
  );
}
