import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { RemovableChips } from '../app/RemovableChips';
import { SearchField, useTypedSearch } from '../app/SearchField';
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
  const search = useTypedSearch();
  const [{ data, fetching }] = useQuery({
    query: PresentingRegionCandidatesQuery,
    variables: { organizationId, query: search.query, first: SHOWN_OPTIONS + value.length },
    pause: !search.query,
  });
  const chosen = new Set(value.map((r) => r.id));
  const options = (data?.presentingRegionCandidates.edges ?? [])
    .map((e) => e.node)
    .filter((r) => !chosen.has(r.id))
    .slice(0, SHOWN_OPTIONS);
  const full = value.length >= max;

  return (
    <Stack gap="xs">
      <SearchField
        search={search}
        label={t('eventsManage.form.presenting')}
        description={t('eventsManage.form.presentingHint')}
        placeholder={t('eventsManage.form.presentingPlaceholder')}
        disabled={full}
        error={error}
        options={options}
        fetching={fetching}
        searchingText={t('eventsManage.form.presentingSearching')}
        noneText={t('eventsManage.form.presentingNone', { text: search.text.trim() })}
        renderOption={(region) => (
          <>
            <Text size="sm" fw={600} span>
              {region.name}
            </Text>{' '}
            {region.municipality && (
              <Text size="xs" c="gray.7" span>
                {localName(region.municipality, i18n.language)}
              </Text>
            )}
          </>
        )}
        onPick={(region) => {
          if (!chosen.has(region.id) && !full) {
            onChange([...value, { id: region.id, name: region.name }]);
          }
        }}
      />
      <RemovableChips
        value={value}
        removeLabel={(region) => t('eventsManage.form.presentingRemove', { name: region.name })}
        onRemove={(region) => onChange(value.filter((r) => r.id !== region.id))}
      />
    </Stack>
  );
}
