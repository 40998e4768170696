import { localName } from './local-name';

interface PlaceNames {
  prefecture: { name: string; nameEn: string };
  municipality: { name: string };
}

// Municipality names carry their prefecture (北海道美幌町); English adds the prefecture's
// English name, as municipalities have only their Japanese one.
export function placeName(place: PlaceNames, language: string): string {
  if (language === 'ja') return place.municipality.name;
  return `${place.municipality.name}, ${localName(place.prefecture, language)}`;
}
