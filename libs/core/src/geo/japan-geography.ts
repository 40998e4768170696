import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { municipalityNameEn } from './romanise';

export interface Prefecture {
  // Two-digit JIS X 0401 code, e.g. "01" for 北海道.
  code: string;
  nameJa: string;
  nameEn: string;
  lat: number;
  lng: number;
}

export interface Municipality {
  // Six-digit 全国地方公共団体コード with check digit, e.g. "015431" for 美幌町.
  code: string;
  prefectureCode: string;
  nameJa: string;
  nameKana: string;
  // Romanised from the reading (romanise.ts): "Bihoro Town", "Chuo Ward, Sapporo".
  nameEn: string;
  lat: number;
  lng: number;
}

function readCsv(file: string): string[][] {
  const text = readFileSync(join(__dirname, 'data', file), 'utf8').replace(/^\uFEFF/, '');
  // No field in these files contains a comma, so a plain split is exact.
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(1)
    .map((line) => line.split(','));
}

// Official codes and coordinates of Japan's 47 prefectures and 1,900-odd municipalities (CC0 open
// data shipped with the code). Reference data: update by replacing the CSV files.
export class JapanGeography {
  private static instance?: JapanGeography;
  readonly prefectures = new Map<string, Prefecture>();
  readonly municipalities = new Map<string, Municipality>();
  // Each prefecture's municipalities in code order, built once (lists are read per request).
  private readonly byPrefecture = new Map<string, Municipality[]>();

  static get(): JapanGeography {
    this.instance ??= new JapanGeography();
    return this.instance;
  }

  private constructor() {
    for (const [pid, nameJa, , , , nameEn, , , , , , lat, lng] of readCsv('prefectures.csv')) {
      const code = pid.padStart(2, '0');
      this.prefectures.set(code, { code, nameJa, nameEn, lat: Number(lat), lng: Number(lng) });
    }
    for (const [pid, pref, , city, kana, lat, lng, , , lgcode] of readCsv('municipalities.csv')) {
      const code = lgcode.padStart(6, '0');
      this.municipalities.set(code, {
        code,
        prefectureCode: pid.padStart(2, '0'),
        nameJa: `${pref}${city.replace(/\s+/g, '')}`,
        nameKana: kana,
        nameEn: municipalityNameEn(city, kana),
        lat: Number(lat),
        lng: Number(lng),
      });
    }
    for (const m of [...this.municipalities.values()].sort((a, b) =>
      a.code.localeCompare(b.code),
    )) {
      const list = this.byPrefecture.get(m.prefectureCode);
      if (list) list.push(m);
      else this.byPrefecture.set(m.prefectureCode, [m]);
    }
  }

  prefecture(code: string): Prefecture | undefined {
    return this.prefectures.get(code);
  }

  municipality(code: string): Municipality | undefined {
    return this.municipalities.get(code);
  }

  // A prefecture's municipalities in code order (designated cities before their wards). A copy,
  // so a caller cannot reorder the shared list.
  municipalitiesOf(prefectureCode: string): Municipality[] {
    return [...(this.byPrefecture.get(prefectureCode) ?? [])];
  }
}
