import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import { MyEventsQuery } from './event-documents';
import { EventCard } from './EventCard';

// The events the participant registered for or waits for, soonest first.
export function MyEventsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('events.my.title')}</Title>
      <RequireSignIn>
        <MyEventList />
      </RequireSignIn>
    </Stack>
  );
}

function MyEventList() {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: MyEventsQuery,
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState label={t('events.loading')} />;
  if (data.myEvents.length === 0)
    return (
      <Stack align="center">
        <EmptyState title={t('events.my.empty')} hint={t('events.my.emptyHint')} />
        <Button component={Link} to="/events" variant="light">
          {t('events.my.find')}
        </Button>
      </Stack>
    );
  return (
    <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {data.myEvents.map((event) => (
        <li key={event.id}>
          <EventCard event={event} />
        </li>
      ))}
    </Stack>
  );
}
