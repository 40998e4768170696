import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventSummaryFragment } from '../gql/graphql';
import { placeName } from '../i18n/place-name';
import { PREFECTURES } from '../projects/prefectures';
import { useAccountTimeZone } from '../settings/use-account-time-zone';
import { eventTitle, myState, seatsOf } from './event-state';
import { eventWhen, readerTimeZone } from './event-time';

// An event in a list: what, when (in the reader's zone when it differs), where, places, and the
// reader's own registration.
// `to`: where its title leads (the organiser's page of it in the workspace).
export function EventCard({ event, to }: { event: EventSummaryFragment; to?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const when = eventWhen(event, language, readerTimeZone(useAccountTimeZone()));
  const seats = seatsOf(event);
  return (
    <Card withBorder padding="md" component="article">
      <Group gap="xs" mb="xs">
        <Badge variant="light">{t(`events.kind.${event.kind}`)}</Badge>
        <Badge variant="outline" color="gray.8">
          {t(`events.format.${event.format}`)}
        </Badge>
        {event.forCouncilMembers && (
          <Badge variant="outline" color="grape.9">
            {t('events.forMembers')}
          </Badge>
        )}
        {event.status !== 'PUBLISHED' && (
          <Badge color={event.status === 'CANCELLED' ? 'red.9' : 'gray.8'}>
            {t(`events.status.${event.status}`)}
          </Badge>
        )}
        {event.myRegistration && event.myRegistration.status !== 'CANCELLED' && (
          <Badge color="teal.9">
            {t(`events.mine.${myState(event.myRegistration)}`, {
              position: event.myRegistration.waitlistPosition,
            })}
          </Badge>
        )}
      </Group>
      <Anchor component={Link} to={to ?? `/events/${event.id}`} fw={700} fz="lg" c="dark">
        <h2 style={{ font: 'inherit', margin: 0 }}>{eventTitle(event, language)}</h2>
      </Anchor>
      <Text size="sm" mt={4}>
        {t('events.page.whenZone', { time: when.event, zone: when.eventZone })}
      </Text>
      {when.reader && (
        <Text size="sm" c="gray.7">
          {t('events.page.readerTime', { zone: when.reader.zone, time: when.reader.text })}
        </Text>
      )}
      <Text size="sm" c="gray.7">
        {event.place ? placeOf(event.place, language) : t('events.page.online')} ·{' '}
        {t('events.organizer', { name: event.organizer.name })}
      </Text>
      {/* Places left matter to those without one. */}
      {event.status === 'PUBLISHED' && event.myRegistration?.status !== 'REGISTERED' && (
        <Text size="sm" mt={4}>
          {seats.key === 'left' ? t('events.seats.left', { count: seats.count }) : null}
          {seats.key === 'full' ? t('events.seats.full') : null}
          {seats.key === 'unlimited' ? t('events.seats.unlimited') : null}
        </Text>
      )}
    </Card>
  );
}

// A municipality's name in the reader's language, with its prefecture in English.
export function placeOf(
  place: NonNullable<EventSummaryFragment['place']>,
  language: string,
): string {
  const prefecture = PREFECTURES.find((p) => p.code === place.municipality.prefectureCode);
  return placeName(
    {
      municipality: place.municipality,
      prefecture: { name: prefecture?.ja ?? '', nameEn: prefecture?.en ?? '' },
    },
    language,
  );
}
