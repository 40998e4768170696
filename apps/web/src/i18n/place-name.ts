import { localName } from './local-name';

interface PlaceNames {
  prefecture: { name: string; nameEn: string };
  municipality: { name: string; nameEn?: string | null };
}

// Municipality names carry their prefecture (北海道美幌町); English uses the romanised name
// (Bihoro-cho) where the query asked for it, and adds the prefecture's English name.
export function placeName(place: PlaceNames, language: string): string {
  if (language === 'ja') return place.municipality.name;
  return `${place.municipality.nameEn || place.municipality.name}, ${localName(place.prefecture, language)}`;
}
