import { Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneGroups } from './time-zones';

// A searchable IANA time zone picker, Japan first; a zone saved earlier that this browser does
// not list is kept as a choice.
export function TimeZoneSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  // Naming some 400 zones takes a while: once per language, not once per pick.
  const groups = useMemo(
    () =>
      timeZoneGroups(i18n.language, {
        japan: t('settings.japan'),
        others: t('settings.otherZones'),
      }),
    [i18n.language, t],
  );
  const chosen = groups.flatMap((g) => g.items).find((item) => item.value === value);
  const data = chosen
    ? groups
    : [groups[0], { ...groups[1], items: [{ value, label: value }, ...groups[1].items] }];
  return (
    <Stack gap={4}>
      <Select
        label={t('settings.timeZone')}
        description={t('settings.timeZoneHint')}
        placeholder={t('settings.timeZoneSearch')}
        searchable
        allowDeselect={false}
        nothingFoundMessage="—"
        data={data}
        value={value}
        onChange={(zone) => zone && onChange(zone)}
        error={error}
        // Some 400 zones: the list shows the first ones, and typing a city or "UTC+01" finds any.
        limit={60}
        maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }}
      />
      {/* A phone's input is too narrow for a long name: the chosen zone in full, wrapped. */}
      {chosen && (
        <Text size="sm" c="gray.8" hiddenFrom="sm" aria-hidden data-testid="time-zone-chosen">
          {chosen.label}
        </Text>
      )}
    </Stack>
  );
}
