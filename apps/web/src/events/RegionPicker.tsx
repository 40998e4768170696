import { CloseButton, Combobox, Group, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { localName } from '../i18n/local-name';
import { PresentingRegionCandidatesQuery } from './event-documents';

const SHOWN_OPTIONS = 10;

export interface ChosenRegion {
  id: string;
  name: string;
}

// The regions presenting at an event: typed names (the organisation's or its municipality's, in
// kanji, kana or romaji) are searched as the organiser types; chosen regions show as chips.
export function RegionPicker({
  organizationId,
  value,
  onChange,
  max,
  error,
}: {
  organizationId: string;
  value: ChosenRegion[];
  onChange: (regions: ChosenRegion[]) => void;
  max: number;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 200);
  const [{ data, fetching }] = useQuery({
    query: PresentingRegionCandidatesQuery,
    variables: { organizationId, query, first: SHOWN_OPTIONS + value.length },
    pause: !query,
  });
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const chosen = new Set(value.map((r) => r.id));
  const options = (data?.presentingRegionCandidates.edges ?? [])
    .map((e) => e.node)
    .filter((r) => !chosen.has(r.id))
    .slice(0, SHOWN_OPTIONS);
  const full = value.length >= max;

  const add = (region: ChosenRegion) => {
    if (!chosen.has(region.id) && !full) onChange([...value, region]);
    setText('');
    combobox.closeDropdown();
  };

  return (
    <Stack gap="xs">
      <Combobox
        store={combobox}
        // On a phone, Mantine's detachment check took the field for scrolled away once the
        // answers came (the form's long page) and hid the list under the person's finger.
        hideDetached={false}
        onOptionSubmit={(id) => {
          const region = options.find((r) => r.id === id);
          if (region) add({ id: region.id, name: region.name });
        }}
      >
        <Combobox.Target>
          <TextInput
            label={t('eventsManage.form.presenting')}
            description={t('eventsManage.form.presentingHint')}
            placeholder={t('eventsManage.form.presentingPlaceholder')}
            value={text}
            disabled={full}
            error={error}
            onChange={(event) => {
              setText(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(event) => {
              // Enter chooses a highlighted region; it never submits the form.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!text.trim()}>
          <Combobox.Options aria-label={t('eventsManage.form.presenting')}>
            {fetching || query !== text.trim() ? (
              <Combobox.Empty>{t('eventsManage.form.presentingSearching')}</Combobox.Empty>
            ) : options.length === 0 ? (
              <Combobox.Empty>
                {t('eventsManage.form.presentingNone', { text: text.trim() })}
              </Combobox.Empty>
            ) : (
              options.map((region) => (
                <Combobox.Option value={region.id} key={region.id}>
                  <Text size="sm" fw={600} span>
                    {region.name}
                  </Text>{' '}
                  {region.municipality && (
                    <Text size="xs" c="gray.7" span>
                      {localName(region.municipality, i18n.language)}
                    </Text>
                  )}
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {value.length > 0 && (
        <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((region) => (
            <Group
              key={region.id}
              component="li"
              gap={2}
              wrap="nowrap"
              pl="sm"
              pr={4}
              py={2}
              bg="gray.1"
              style={{ borderRadius: 'var(--mantine-radius-xl)' }}
            >
              {/* The whole name, wrapping if it must: a long one is not cut off on a phone. */}
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {region.name}
              </Text>
              <CloseButton
                size="sm"
                radius="xl"
                aria-label={t('eventsManage.form.presentingRemove', { name: region.name })}
                onClick={() => onChange(value.filter((r) => r.id !== region.id))}
              />
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}
