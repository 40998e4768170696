import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';

// A session's start and end in the zone the mentor gave them in, which is named when it is not
// Japan's; the end drops its date when the session ends the same day.
export function SessionTime({
  startsAt,
  endsAt,
  timeZone,
  fw,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  fw?: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const end = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone }).format(
    new Date(endsAt),
  );
  return (
    <Text fw={fw}>
      {t('mentoring.time', { start: formatDateTime(startsAt, language, timeZone), end })}
      {timeZone !== 'Asia/Tokyo' ? t('mentoring.otherZone', { zone: timeZone }) : ''}
    </Text>
  );
}

// The cancellation rules in words, as the API applies them.
export function CancellationRules({ mentor = false }: { mentor?: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="gray.7" data-testid="cancellation-rules">
      <Text span fw={700} size="sm">
        {t('app.label', { label: t('mentoring.rules.title') })}
      </Text>
      {t(mentor ? 'mentoring.rules.mentor' : 'mentoring.rules.member')}
    </Text>
  );
}
