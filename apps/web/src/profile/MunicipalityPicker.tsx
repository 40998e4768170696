import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PREFECTURES } from '../projects/prefectures';
import { MunicipalitiesQuery } from './profile-documents';

// The municipality's own name for a list inside its prefecture: 美幌町 rather than 北海道美幌町;
// in English its romanised name.
export function municipalityLabel(
  municipality: { name: string; nameEn: string; prefectureCode: string },
  language: string,
): string {
  if (language === 'en') return municipality.nameEn;
  const prefecture = PREFECTURES.find((p) => p.code === municipality.prefectureCode);
  return prefecture && municipality.name.startsWith(prefecture.ja)
    ? municipality.name.slice(prefecture.ja.length)
    : municipality.name;
}

// Prefecture first, then every municipality of it (searchable: Hokkaido has 189).
export function MunicipalityPicker({
  prefectureCode,
  municipalityCode,
  onChange,
  error,
  prefectureLabel,
}: {
  // Another label than the profile's "where you live" (e.g. an area an organisation covers).
  prefectureLabel?: string;
  prefectureCode: string | null;
  municipalityCode: string | null;
  onChange: (place: { prefectureCode: string | null; municipalityCode: string | null }) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [{ data, fetching, error: loadError }] = useQuery({
    query: MunicipalitiesQuery,
    variables: { prefectureCode: prefectureCode ?? '' },
    pause: !prefectureCode,
  });
  const municipalities = prefectureCode ? (data?.municipalities ?? []) : [];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={prefectureLabel ?? t('profile.prefecture')}
        placeholder={t('profile.prefecturePlaceholder')}
        searchable
        clearable
        data={PREFECTURES.map((p) => ({ value: p.code, label: language === 'en' ? p.en : p.ja }))}
        value={prefectureCode}
        onChange={(code) => onChange({ prefectureCode: code, municipalityCode: null })}
        nothingFoundMessage={t('profile.municipalityNone')}
      />
      <Select
        label={t('profile.municipality')}
        placeholder={
          !prefectureCode
            ? t('profile.municipalityFirst')
            : fetching
              ? t('profile.municipalityLoading')
              : t('profile.municipalityPlaceholder')
        }
        searchable
        clearable
        disabled={!prefectureCode || fetching}
        data={municipalities.map((m) => ({ value: m.code, label: municipalityLabel(m, language) }))}
        value={municipalities.some((m) => m.code === municipalityCode) ? municipalityCode : null}
        onChange={(code) => onChange({ prefectureCode, municipalityCode: code })}
        nothingFoundMessage={t('profile.municipalityNone')}
        error={error ?? (loadError ? t('errors.generic') : undefined)}
      />
    </SimpleGrid>
  );
}
