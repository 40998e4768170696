import { Prng, WeightedTable } from './prng';

// Common Japanese family names, the most frequent first (picked with a falling weight, so 佐藤 and
// 鈴木 are common and 五十嵐 rare, as in life).
// prettier-ignore
const FAMILY_NAMES = [
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上',
  '木村', '林', '斎藤', '清水', '山崎', '森', '池田', '橋本', '阿部', '石川', '山下', '中島', '石井', '小川', '前田', '岡田',
  '長谷川', '藤田', '後藤', '近藤', '村上', '遠藤', '青木', '坂本', '斉藤', '福田', '太田', '西村', '藤井', '金子', '岡本', '藤原',
  '中野', '三浦', '原田', '中川', '松田', '竹内', '小野', '田村', '中山', '和田', '石田', '森田', '上田', '原', '柴田', '酒井',
  '工藤', '横山', '宮崎', '宮本', '内田', '高木', '安藤', '谷口', '大野', '丸山', '今井', '高田', '藤本', '武田', '村田', '上野',
  '杉山', '増田', '平野', '大塚', '千葉', '久保', '松井', '小島', '岩崎', '桜井', '野口', '松尾', '野村', '木下', '菊地', '佐野',
  '大西', '杉本', '新井', '浜田', '菅原', '市川', '水野', '小松', '島田', '古川', '小山', '高野', '西田', '菊池', '山内', '西川',
  '五十嵐', '北村', '安田', '中田', '川口', '平田', '川崎', '飯田', '吉川', '本田', '久保田', '沢田', '辻', '関', '吉村', '渡部',
  '岩田', '中西', '服部', '樋口', '福島', '川上', '永井', '松岡', '田口', '山中', '森本', '土屋', '矢野', '広瀬', '秋山', '石原',
  '松下', '大橋', '松浦', '吉岡', '小池', '馬場', '浅野', '荒木', '大久保', '野田', '小沢', '田辺', '川村', '星野', '黒田', '堀',
  '尾崎', '望月', '永田', '熊谷', '内藤', '松村', '西山', '大谷', '平井', '大島', '岩本', '片山', '本間', '早川', '横田', '岡崎',
  '荒井', '大石', '鎌田', '成田',
];

// prettier-ignore
const GIVEN_NAMES_FEMININE = [
  '陽菜', '結衣', '葵', '凛', 'さくら', '美咲', '花子', '真理', '香織', '陽子', '里奈', '美穂', '愛', '彩', '結菜', '芽依',
  '莉子', '美月', '千尋', '由美', '恵', '直美', '智子', '裕子', '明美', '舞', '彩花', '優花', '七海', '琴音', '遥', '杏', '紬',
  '心春', '澪', '詩', '楓', '萌', '麻衣', '友美', '沙織', '綾', '奈々', '美紀', '真由美', 'ひかり', '千夏', '佳奈', '瑞希',
  'あかり',
];

// prettier-ignore
const GIVEN_NAMES_MASCULINE = [
  '蓮', '陽翔', '湊', '悠真', '大翔', '樹', '颯太', '翔', '大地', '拓也', '健太', '誠', '一郎', '翔太', '大輔', '健一', '浩二',
  '隆', '剛', '直樹', '和也', '達也', '亮', '慎也', '修', '学', '聡', '徹', '優斗', '悠人', '陸', '海斗', '蒼', '律', '奏太',
  '颯', '隼人', '智也', '雄大', '賢治', '博之', '秀樹', '康平', '駿', '悠', '陽太', '圭', '航', '伸也', '正人',
];

// Parents' generation, for high-school students' guardians.
// prettier-ignore
const GUARDIAN_GIVEN_NAMES = [
  '幸子', '由美子', '恵子', '真由美', '久美子', '典子', '洋子', '京子', '直子', '明美', '博', '浩', '隆', '誠', '正人', '健一',
  '和彦', '修', '哲也', '信也',
];

const familyTable = new WeightedTable(FAMILY_NAMES.map((name, i) => [name, 1 / (i + 10)] as const));

export interface PersonName {
  family: string;
  given: string;
}

export function personName(rng: Prng): PersonName {
  const family = familyTable.pick(rng);
  const given = rng.chance(0.5) ? rng.pick(GIVEN_NAMES_FEMININE) : rng.pick(GIVEN_NAMES_MASCULINE);
  return { family, given };
}

// 「佐藤 美咲」: family name first, with a space, as the demo data writes them.
export function displayName(name: PersonName): string {
  return `${name.family} ${name.given}`;
}

// A guardian usually shares the student's family name.
export function guardianName(rng: Prng, student: PersonName): string {
  const family = rng.chance(0.92) ? student.family : familyTable.pick(rng);
  return `${family} ${rng.pick(GUARDIAN_GIVEN_NAMES)}`;
}

// prettier-ignore
const COMPANY_HEADS = [
  'みらい', 'つばさ', 'あおば', 'ひかり', 'さくら', 'ミナト', 'アーク', 'ネクスト', 'グロー', 'テラ', 'ソラ', 'リンク', 'ハーモニー',
  'フロンティア', 'クレスト', 'ブリッジ', 'アオイ', 'ユニオン', 'ホライズン', 'ルミナ',
];
// prettier-ignore
const COMPANY_TAILS = [
  'ワークス', 'テクノロジーズ', 'ソリューションズ', 'コンサルティング', 'デザイン', 'システムズ', '商事', 'ホールディングス', 'ラボ', 'パートナーズ',
];
// prettier-ignore
const COMPANY_PROGRAMS = [
  '越境研修プログラム', '地域副業プログラム', 'ワーケーション制度', 'プロボノ支援制度', '地方創生人材派遣',
];

// Distinct company names: 株式会社みらいワークス（越境研修プログラム）…
export function companyNames(rng: Prng, count: number): string[] {
  const combos = rng.shuffle(COMPANY_HEADS.flatMap((h) => COMPANY_TAILS.map((t) => `${h}${t}`)));
  return Array.from({ length: count }, (_, i) => {
    const base = combos[i % combos.length];
    const round = Math.floor(i / combos.length);
    const suffix = round === 0 ? '' : `${round + 1}`;
    const form = rng.chance(0.85) ? `株式会社${base}${suffix}` : `${base}${suffix}株式会社`;
    return `${form}（${rng.pick(COMPANY_PROGRAMS)}）`;
  });
}
