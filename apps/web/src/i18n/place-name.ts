import { localName } from './local-name';

interface PlaceNames {
  prefecture: { name: string; nameEn: string };
  municipality: { name: string; nameEn?: string | null };
}

// Japanese municipality names carry their prefecture (北海道美幌町); English ones do not
// ("Bihoro Town", romanised by the API from the reading), so the prefecture follows.
export function placeName(place: PlaceNames, language: string): string {
  if (language === 'ja') return place.municipality.name;
  const municipality = place.municipality.nameEn || place.municipality.name;
  return `${municipality}, ${localName(place.prefecture, language)}`;
}
