import type { Municipality, Prefecture } from '@tsunagu/core';
import { Prng, WeightedTable } from './prng';

// Where synthetic people live and where synthetic projects happen, from the municipality list.

export interface Place {
  code: string;
  prefectureCode: string;
  // Without the prefecture: 美幌町, 札幌市中央区, 千代田区.
  shortName: string;
  prefectureName: string;
}

// Participants mostly live in the big cities: Tokyo's 23 wards and the designated cities' wards
// (shares roughly follow population), the rest anywhere else.
const METROS: ReadonlyArray<
  readonly [prefectureCode: string, city: string | null, weight: number]
> = [
  ['13', null, 32], // 東京都 special wards
  ['14', '横浜市', 9],
  ['27', '大阪市', 7.5],
  ['23', '名古屋市', 6],
  ['01', '札幌市', 4.5],
  ['40', '福岡市', 4],
  ['14', '川崎市', 4],
  ['28', '神戸市', 3.5],
  ['26', '京都市', 3],
  ['11', 'さいたま市', 3],
  ['04', '仙台市', 3],
  ['34', '広島市', 2.5],
  ['12', '千葉市', 2],
];
const ELSEWHERE_WEIGHT = 16.5;

export interface PlaceIndex {
  // Where a participant lives.
  home: WeightedTable<Place>;
  // Municipalities that host projects (no wards, no designated cities), by prefecture.
  ruralByPrefecture: Map<string, WeightedTable<Place>>;
  // All prefectures with rural municipalities, weighted by how many they have.
  ruralPrefectures: WeightedTable<string>;
  prefectureCodes: string[];
  prefectureNames: Map<string, string>;
  byCode: Map<string, Place>;
}

export function buildPlaceIndex(
  municipalities: readonly Municipality[],
  prefectures: readonly Prefecture[],
): PlaceIndex {
  const prefectureNames = new Map(prefectures.map((p) => [p.code, p.nameJa]));
  const places = [...municipalities]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((m): Place => {
      const prefectureName = prefectureNames.get(m.prefectureCode) ?? '';
      const shortName = m.nameJa.startsWith(prefectureName)
        ? m.nameJa.slice(prefectureName.length)
        : m.nameJa;
      return { code: m.code, prefectureCode: m.prefectureCode, shortName, prefectureName };
    });
  const isWard = (p: Place) => p.shortName.endsWith('区');
  const wardCities = new Set(
    places.filter((p) => isWard(p) && p.shortName.includes('市')).map((p) => cityOfWard(p)),
  );
  const isDesignatedCity = (p: Place) => wardCities.has(`${p.prefectureCode}${p.shortName}`);

  const homeEntries: Array<readonly [Place, number]> = [];
  for (const [prefectureCode, city, weight] of METROS) {
    const wards = places.filter(
      (p) =>
        p.prefectureCode === prefectureCode &&
        isWard(p) &&
        (city === null ? !p.shortName.includes('市') : p.shortName.startsWith(city)),
    );
    for (const ward of wards) homeEntries.push([ward, weight / wards.length]);
  }
  const metroCodes = new Set(homeEntries.map(([p]) => p.code));
  // Everywhere else: other cities' wards, cities, towns and villages (a designated city itself is
  // listed as well as its wards: people live in the wards).
  const elsewhere = places.filter((p) => !metroCodes.has(p.code) && !isDesignatedCity(p));
  // Cities are likelier homes than towns and villages.
  const elsewhereWeight = (p: Place) => (p.shortName.endsWith('市') || isWard(p) ? 3 : 1);
  const elsewhereTotal = elsewhere.reduce((sum, p) => sum + elsewhereWeight(p), 0);
  for (const p of elsewhere) {
    homeEntries.push([p, (ELSEWHERE_WEIGHT * elsewhereWeight(p)) / elsewhereTotal]);
  }

  const ruralByPrefecture = new Map<string, WeightedTable<Place>>();
  const ruralCounts: Array<readonly [string, number]> = [];
  for (const prefecture of [...prefectures].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  )) {
    const rural = places.filter(
      (p) => p.prefectureCode === prefecture.code && !isWard(p) && !isDesignatedCity(p),
    );
    if (rural.length === 0) continue;
    // Towns and villages host more of these projects than cities.
    ruralByPrefecture.set(
      prefecture.code,
      new WeightedTable(rural.map((p) => [p, p.shortName.endsWith('市') ? 2 : 3] as const)),
    );
    ruralCounts.push([prefecture.code, rural.length]);
  }
  return {
    home: new WeightedTable(homeEntries),
    ruralByPrefecture,
    ruralPrefectures: new WeightedTable(
      ruralCounts.map(([code, n]) => [code, Math.sqrt(n)] as const),
    ),
    prefectureCodes: ruralCounts.map(([code]) => code),
    prefectureNames,
    byCode: new Map(places.map((p) => [p.code, p])),
  };
}

// 札幌市中央区 → 01札幌市
function cityOfWard(ward: Place): string {
  return `${ward.prefectureCode}${ward.shortName.slice(0, ward.shortName.indexOf('市') + 1)}`;
}

export function ruralPlace(index: PlaceIndex, rng: Prng, prefectureCode: string): Place {
  const table = index.ruralByPrefecture.get(prefectureCode);
  if (!table) throw new Error(`no rural municipality in prefecture ${prefectureCode}`);
  return table.pick(rng);
}

// 北海道 → 北海道, 青森県 → 青森, 東京都 → 東京, 大阪府 → 大阪
export function prefectureShortName(name: string): string {
  return name === '北海道' ? name : name.replace(/[都府県]$/, '');
}
