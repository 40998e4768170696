import { Button, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { dateInputFormat } from '../i18n/DatesLocale';
import { localName } from '../i18n/local-name';
import { PREFECTURES } from '../projects/prefectures';
import { ThemesQuery } from '../projects/project-documents';
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
      <EventFilters value={form} onSearch={(next) => setParams(eventParamsOf(next))} />
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

function EventFilters({
  value,
  onSearch,
}: {
  value: EventFilterForm;
  onSearch: (form: EventFilterForm) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(value);
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const set = <K extends keyof EventFilterForm>(key: K, v: EventFilterForm[K]) =>
    setForm((f) => ({ ...f, [key]: v }));
  return (
    <Paper
      component="form"
      role="search"
      aria-label={t('events.filters.label')}
      withBorder
      p="md"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(form);
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <DatePickerInput
          label={t('events.filters.from')}
          placeholder={t('events.filters.any')}
          valueFormat={dateInputFormat(i18n.language)}
          previousLabel={t('events.filters.previousMonth')}
          nextLabel={t('events.filters.nextMonth')}
          hideOutsideDates
          clearable
          clearButtonProps={{ 'aria-label': t('events.filters.clearDate') }}
          value={form.from || null}
          onChange={(v) => set('from', v ?? '')}
        />
        <DatePickerInput
          label={t('events.filters.to')}
          placeholder={t('events.filters.any')}
          valueFormat={dateInputFormat(i18n.language)}
          previousLabel={t('events.filters.previousMonth')}
          nextLabel={t('events.filters.nextMonth')}
          hideOutsideDates
          clearable
          clearButtonProps={{ 'aria-label': t('events.filters.clearDate') }}
          minDate={form.from || undefined}
          value={form.to || null}
          onChange={(v) => set('to', v ?? '')}
        />
        <Select
          label={t('events.filters.format')}
          placeholder={t('events.filters.any')}
          clearable
          value={form.format}
          onChange={(v) => set('format', v)}
          data={EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) }))}
        />
        <Select
          label={t('events.filters.prefecture')}
          placeholder={t('events.filters.any')}
          clearable
          searchable
          value={form.pref}
          onChange={(v) => set('pref', v)}
          data={PREFECTURES.map((p) => ({
            value: p.code,
            label: i18n.language === 'en' ? p.en : p.ja,
          }))}
        />
        <Select
          label={t('events.filters.theme')}
          placeholder={t('events.filters.any')}
          clearable
          value={form.theme}
          onChange={(v) => set('theme', v)}
          data={(themes?.themes ?? []).map((theme) => ({
            value: theme.code,
            label: localName(theme, i18n.language),
          }))}
        />
        <SimpleGrid cols={2} spacing="xs" style={{ alignSelf: 'end' }}>
          <Button type="submit">{t('events.filters.search')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setForm(EMPTY);
              onSearch(EMPTY);
            }}
          >
            {t('events.filters.clear')}
          </Button>
        </SimpleGrid>
      </SimpleGrid>
    </Paper>
  );
}
