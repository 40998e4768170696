import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { eventWhen, readerTimeZone } from '../i18n/event-time';
import { useAccountTimeZone } from '../settings/use-account-time-zone';

// A session's start and end in the zone the mentor gave them in, named, and the reader's own
// time beside them when their clocks differ.
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
  const when = eventWhen(
    { startsAt, endsAt, timeZone },
    i18n.language,
    readerTimeZone(useAccountTimeZone()),
  );
  return (
    <>
      <Text fw={fw} data-testid="session-time">
        {t('mentoring.whenZone', { time: when.event, zone: when.eventZone })}
      </Text>
      {when.reader && (
        <Text size="sm" c="gray.7" data-testid="session-reader-time">
          {t('mentoring.readerTime', { zone: when.reader.zone, time: when.reader.text })}
        </Text>
      )}
    </>
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
