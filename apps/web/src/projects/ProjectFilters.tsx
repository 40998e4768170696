import {
  Button,
  Collapse,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { dateInputFormat } from '../i18n/DatesLocale';
import { localName } from '../i18n/local-name';
import { PREFECTURES } from './prefectures';
import { ThemesQuery } from './project-documents';
import type { SearchForm } from './project-filter';

const EMPTY: SearchForm = {
  q: '',
  theme: null,
  mode: null,
  pref: null,
  from: '',
  to: '',
  hours: '',
  kind: null,
};

// The search form: free text (Japanese needs no spaces) and the filters the API supports.
export function ProjectFilters({
  value,
  onSearch,
}: {
  value: SearchForm;
  onSearch: (form: SearchForm) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(value);
  // On a phone the filters fold away under a button, open when some are in use.
  const phone = useMediaQuery('(max-width: 48em)');
  const inUse = Object.entries(value).some(([key, v]) => key !== 'q' && !!v);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(inUse);
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const set = <K extends keyof SearchForm>(key: K, v: SearchForm[K]) =>
    setForm((f) => ({ ...f, [key]: v }));
  return (
    <Paper
      component="form"
      role="search"
      withBorder
      p="md"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(form);
      }}
    >
      <Group align="end" wrap="nowrap" mb="sm">
        <TextInput
          flex={1}
          label={t('projects.searchLabel')}
          placeholder={t('projects.searchPlaceholder')}
          value={form.q}
          onChange={(e) => set('q', e.currentTarget.value)}
          type="search"
        />
        <Button type="submit">{t('projects.search')}</Button>
      </Group>
      <Button
        hiddenFrom="sm"
        variant="subtle"
        size="compact-sm"
        onClick={toggleFilters}
        aria-expanded={filtersOpen}
        aria-controls="project-filters"
      >
        {t('projects.filters')}
      </Button>
      <Collapse expanded={!phone || filtersOpen} id="project-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('projects.theme')}
            placeholder={t('projects.anyValue')}
            clearable
            value={form.theme}
            onChange={(v) => set('theme', v)}
            data={(themes?.themes ?? []).map((theme) => ({
              value: theme.code,
              label: localName(theme, i18n.language),
            }))}
          />
          <Select
            label={t('projects.mode')}
            placeholder={t('projects.anyValue')}
            clearable
            value={form.mode}
            onChange={(v) => set('mode', v)}
            data={(['ONSITE', 'REMOTE', 'HYBRID'] as const).map((m) => ({
              value: m,
              label: t(`mode.${m}`),
            }))}
          />
          <Select
            label={t('projects.prefecture')}
            placeholder={t('projects.anyValue')}
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
            label={t('projects.eligibleFor')}
            placeholder={t('projects.anyValue')}
            clearable
            value={form.kind}
            onChange={(v) => set('kind', v)}
            data={(
              ['PRO_BONO', 'UNIVERSITY_STUDENT', 'HIGH_SCHOOL_STUDENT', 'COMPANY_EMPLOYEE'] as const
            ).map((k) => ({
              value: k,
              label: t(`kind.${k}`),
            }))}
          />
          <DatePickerInput
            label={t('projects.from')}
            placeholder={t('projects.anyValue')}
            valueFormat={dateInputFormat(i18n.language)}
            previousLabel={t('projects.previousMonth')}
            nextLabel={t('projects.nextMonth')}
            hideOutsideDates
            clearable
            value={form.from || null}
            onChange={(v) => set('from', v ?? '')}
          />
          <DatePickerInput
            label={t('projects.to')}
            placeholder={t('projects.anyValue')}
            valueFormat={dateInputFormat(i18n.language)}
            previousLabel={t('projects.previousMonth')}
            nextLabel={t('projects.nextMonth')}
            hideOutsideDates
            clearable
            minDate={form.from || undefined}
            value={form.to || null}
            onChange={(v) => set('to', v ?? '')}
          />
          <NumberInput
            label={t('projects.maxHours')}
            min={1}
            max={80}
            value={form.hours}
            onChange={(v) => set('hours', String(v))}
          />
          <Button
            variant="default"
            style={{ alignSelf: 'end' }}
            onClick={() => {
              setForm(EMPTY);
              onSearch(EMPTY);
            }}
          >
            {t('projects.clear')}
          </Button>
        </SimpleGrid>
      </Collapse>
    </Paper>
  );
}
