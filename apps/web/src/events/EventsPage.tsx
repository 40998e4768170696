import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterPanel } from '../app/FilterPanel';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { EventSearchQuery } from './event-documents';
import {
  EVENT_FORMATS,
  eventFilterFormOf,
  eventFilterOf,
  eventParamsOf,
  type EventFilterForm,
} from './event-filter';
import { EventCard } from './EventCard';

const PAGE_SIZE = 20;
const EMPTY: EventFilterForm = { from: '', to: '', pref: null, theme: null, format: null };

// Upcoming published events, soonest first; anyone may read them, signed in or not.
export function EventsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const form = eventFilterFormOf(params);
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('events.title')}</Title>
      <Text>{t('events.intro')}</Text>
      <FilterPanel
        label={t('events.filters.label')}
        value={form}
        empty={EMPTY}
        fields={[
          { key: 'from', type: 'date', label: t('events.filters.from') },
          { key: 'to', type: 'date', label: t('events.filters.to'), after: 'from' },
          {
            key: 'format',
            type: 'select',
            label: t('events.filters.format'),
            options: EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) })),
          },
          { key: 'pref', type: 'prefecture', label: t('events.filters.prefecture') },
          { key: 'theme', type: 'theme', label: t('events.filters.theme') },
        ]}
        onSearch={(next) => setParams(eventParamsOf(next))}
      />
      <PagedQuery
        key={params.toString()}
        query={EventSearchQuery}
        variables={{ filter: eventFilterOf(form) }}
        pageSize={PAGE_SIZE}
        connection={(data) => data.events}
        empty={<EmptyState title={t('events.empty')} hint={t('events.emptyHint')} />}
        moreLabel={t('events.more')}
        keyOf={(event) => event.id}
      >
        {(event) => <EventCard event={event} />}
      </PagedQuery>
    </Stack>
  );
}
