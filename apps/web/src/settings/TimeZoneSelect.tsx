import { Select } from '@mantine/core';
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
  const groups = useMemo(() => {
    const all = timeZoneGroups(i18n.language, {
      japan: t('settings.japan'),
      others: t('settings.otherZones'),
    });
    const listed = all.some((g) => g.items.some((item) => item.value === value));
    if (!listed) all[1].items.unshift({ value, label: value });
    return all;
  }, [i18n.language, t, value]);
  return (
    <Select
      label={t('settings.timeZone')}
      description={t('settings.timeZoneHint')}
      placeholder={t('settings.timeZoneSearch')}
      searchable
      allowDeselect={false}
      nothingFoundMessage="—"
      data={groups}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      error={error}
      // Some 400 zones: the list shows the first ones, and typing a city or "UTC+01" finds any.
      limit={60}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
