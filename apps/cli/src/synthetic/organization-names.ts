import { prefectureShortName } from './places';
import { Prng } from './prng';

// Names of the generated regions, intermediaries and their programs.

// prettier-ignore
const REGION_SUFFIXES = [
  'まちづくり推進課', '地域おこし推進室', '企画政策課', '地域づくり協議会', '観光協会',
  '移住定住推進室', 'ふるさと振興課', '農林振興課', '集落支援ネットワーク', 'むらづくり協議会',
];

// prettier-ignore
const INTERMEDIARY_FORMS = ['一般社団法人', 'NPO法人', '一般財団法人'];
// prettier-ignore
const INTERMEDIARY_NAMES = [
  '関係人口つなぐネット', 'ふるさとコネクト', '地域づくり支援センター', '伴走支援センター',
  '関係人口デスク', 'ローカルラボ', 'まちむら交流機構',
];

// 美幌町 まちづくり推進課
export function regionName(rng: Prng, townName: string): string {
  return `${townName} ${rng.pick(REGION_SUFFIXES)}`;
}

// 一般社団法人 北海道関係人口つなぐネット
export function intermediaryName(rng: Prng, prefectureName: string): string {
  return `${rng.pick(INTERMEDIARY_FORMS)} ${prefectureShortName(prefectureName)}${rng.pick(INTERMEDIARY_NAMES)}`;
}

export function programName(prefectureName: string, fiscalYear: number): string {
  return `${prefectureName} 関係人口創出・拡大事業（${fiscalYear}年度）`;
}

export function programDescription(prefectureName: string): string {
  return `${prefectureName}内の市町村と連携し、都市に住む人と地域のプロジェクトをつなぎ、活動を伴走します。`;
}
