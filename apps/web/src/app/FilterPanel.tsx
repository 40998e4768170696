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
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DayField } from '../i18n/DayField';
import { dayProblem, dayProblemMessage, isDay } from '../i18n/day';
import { localName } from '../i18n/local-name';
import { PREFECTURES } from '../projects/prefectures';
import { ThemesQuery } from '../projects/project-documents';

// A filter's value as the address keeps it: text, a date (YYYY-MM-DD) or a number as text ('' for
// none), a choice (null for any).
export type FilterValues<F> = { [K in keyof F]: string | null };

// One field of a filter panel. Prefectures and themes bring their own options.
export type FilterField<F extends FilterValues<F>> = { key: keyof F & string; label: string } & (
  | { type: 'text'; description?: string; placeholder?: string; maxLength?: number }
  | { type: 'select'; options: Array<{ value: string; label: string }> }
  | { type: 'prefecture' }
  | { type: 'theme' }
  // `after`: the field holding the earliest day this one may be (a range's start).
  | { type: 'date'; after?: keyof F & string }
  | { type: 'number'; min: number; max: number }
);

// The one search panel of list pages (projects, events, the council's directory): an optional
// free-text field beside the search button, then the filters, and a button clearing them all.
// The page keeps the values in the address; searching hands them back. On a phone the filters
// fold away under a button, open when some are in use.
export function FilterPanel<F extends FilterValues<F>>({
  label,
  value,
  empty,
  fields,
  onSearch,
  columns = 3,
}: {
  label: string;
  value: F;
  empty: F;
  fields: ReadonlyArray<FilterField<F>>;
  onSearch: (form: F) => void;
  columns?: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [form, setForm] = useState(value);
  const panelId = useId();
  const phone = useMediaQuery('(max-width: 48em)');
  const [text, ...rest] = fields[0]?.type === 'text' ? fields : [undefined, ...fields];
  const inUse = rest.some((field) => field && !!value[field.key]);
  const [open, { toggle }] = useDisclosure(inUse);
  const [{ data: themes }] = useQuery({ query: ThemesQuery, pause: !rest.some(isTheme) });
  const set = (key: keyof F, v: string | null) => setForm((f) => ({ ...f, [key]: v }));
  const any = t('filters.any');
  // A search is not made while a date field holds text that is not a day (or a day before its
  // range's start); the fields then say why.
  const [searchRefused, setSearchRefused] = useState(false);
  const earliest = (field: { after?: keyof F & string }) => {
    const start = field.after && form[field.after];
    return start && isDay(start) ? start : undefined;
  };
  const dateMessage = (field: FilterField<F>) => {
    if (field.type !== 'date') return null;
    const problem = dayProblem(form[field.key] ?? '', { min: earliest(field) });
    return problem && dayProblemMessage(problem, t, language);
  };

  const control = (field: FilterField<F>) => {
    const current = form[field.key];
    switch (field.type) {
      case 'text':
        return (
          <TextInput
            key={field.key}
            type="search"
            label={field.label}
            description={field.description}
            placeholder={field.placeholder}
            maxLength={field.maxLength}
            value={current ?? ''}
            onChange={(e) => set(field.key, e.currentTarget.value)}
          />
        );
      case 'select':
      case 'prefecture':
      case 'theme':
        return (
          <Select
            key={field.key}
            label={field.label}
            placeholder={any}
            clearable
            searchable={field.type === 'prefecture'}
            value={current}
            onChange={(v) => set(field.key, v === null ? null : String(v))}
            data={
              field.type === 'select'
                ? field.options
                : field.type === 'prefecture'
                  ? PREFECTURES.map((p) => ({
                      value: p.code,
                      label: language === 'en' ? p.en : p.ja,
                    }))
                  : (themes?.themes ?? []).map((theme) => ({
                      value: theme.code,
                      label: localName(theme, language),
                    }))
            }
          />
        );
      case 'date':
        return (
          <DayField
            key={field.key}
            label={field.label}
            placeholder={any}
            withHint={false}
            hideOutsideDates
            clearable
            clearButtonProps={{ 'aria-label': t('filters.clearDate') }}
            min={earliest(field)}
            value={current ?? ''}
            onChange={(day) => set(field.key, day)}
            error={(searchRefused && dateMessage(field)) || undefined}
          />
        );
      case 'number':
        return (
          <NumberInput
            key={field.key}
            label={field.label}
            placeholder={any}
            min={field.min}
            max={field.max}
            allowDecimal={false}
            value={current ?? ''}
            onChange={(v) => set(field.key, String(v))}
          />
        );
    }
  };

  const searchButton = <Button type="submit">{t('filters.search')}</Button>;
  return (
    <Paper
      component="form"
      role="search"
      aria-label={label}
      withBorder
      p="md"
      onSubmit={(event) => {
        event.preventDefault();
        const refused = fields.some((field) => dateMessage(field));
        setSearchRefused(refused);
        if (!refused) onSearch(form);
      }}
    >
      {text && (
        <Group align="end" wrap="nowrap" mb="sm">
          <div style={{ flex: 1 }}>{control(text)}</div>
          {searchButton}
        </Group>
      )}
      {rest.length > 0 && (
        <Button
          hiddenFrom="sm"
          variant="subtle"
          size="compact-sm"
          mb="xs"
          onClick={toggle}
          aria-expanded={open}
          aria-controls={panelId}
        >
          {t('filters.toggle')}
        </Button>
      )}
      <Collapse expanded={!phone || open} id={panelId}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: columns }} spacing="sm">
          {rest.map((field) => field && control(field))}
          <Group gap="xs" align="end" grow>
            {!text && searchButton}
            <Button
              variant="default"
              onClick={() => {
                setForm(empty);
                setSearchRefused(false);
                onSearch(empty);
              }}
            >
              {t('filters.clear')}
            </Button>
          </Group>
        </SimpleGrid>
      </Collapse>
    </Paper>
  );
}

const isTheme = (field: { type: string } | undefined) => field?.type === 'theme';
