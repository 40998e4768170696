import type { ParticipantKind } from '@tsunagu/participants';
import { Prng } from './prng';

// Short Japanese self-introductions, assembled from a few sentences by kind and interest.

type Kind = `${ParticipantKind}`;

// prettier-ignore
const JOBS = [
  'IT企業でWebマーケティングを担当しています。', '会計事務所で働く税理士です。', 'フリーランスのグラフィックデザイナーです。',
  '製造業で品質管理の仕事をしています。', '広告代理店で企画職をしています。', 'ITエンジニアとして業務システムを開発しています。',
  '人事として採用と研修を担当しています。', '看護師として病院に勤めています。', '中小企業診断士として経営支援をしています。',
  '編集者として雑誌や書籍をつくっています。', '建築設計事務所で働いています。', '営業職として法人向けの提案をしています。',
  'データアナリストとして働いています。', '飲食店を経営しています。', 'フォトグラファーとして活動しています。',
];

// prettier-ignore
const MAJORS = [
  '地域政策', '農学', '観光学', '教育学', '情報工学', '建築学', '経済学', '社会福祉学', '環境学', '文化人類学', '経営学', 'デザイン',
];

// prettier-ignore
const INQUIRY_TOPICS = [
  '地域の課題', '地元の農業', '観光のまちづくり', '過疎と空き家', '地域の防災', '伝統文化の継承', '海の環境',
];

// prettier-ignore
const EMPLOYEE_INTROS = [
  '会社の越境研修プログラムで参加しています。', '勤務先の副業制度を使って関わりたいと思っています。',
  '会社のワーケーション制度を利用しています。', '社内の地方創生プロジェクトのメンバーです。',
  '勤務先のプロボノ支援制度で参加しています。',
];

const THEME_INTERESTS: Record<string, readonly string[]> = {
  learning: ['地域の子どもたちの学びに関わりたいです。', '探究学習や学習支援に関心があります。'],
  work: [
    '本業のスキルを地域の仕事に活かしたいです。',
    '地域の事業者さんの販路づくりを手伝いたいです。',
  ],
  agriculture: [
    '農作業や食に関わる活動に興味があります。',
    '援農や棚田の保全に参加してみたいです。',
  ],
  local: [
    '地域の人と一緒にまちづくりに取り組みたいです。',
    '空き家の活用や交流拠点づくりに関心があります。',
  ],
};
const GENERIC_INTERESTS = [
  '地域のプロジェクトに関わってみたいです。',
  '地方での暮らしに関心があります。',
];

// prettier-ignore
const CLOSINGS = [
  '週末を中心に関わりたいです。', '月に一度は現地に通いたいです。', 'よろしくお願いします。',
  'まずはできることから始めたいです。', '長く関われる地域を探しています。',
];

export interface BioFacts {
  kind: Kind;
  themeCodes: readonly string[];
  remoteOnly: boolean;
  exploringAMove: boolean;
  companyName?: string;
}

export function participantBio(rng: Prng, facts: BioFacts): string {
  const parts: string[] = [];
  switch (facts.kind) {
    case 'PRO_BONO':
      parts.push(rng.pick(JOBS));
      break;
    case 'UNIVERSITY_STUDENT':
      parts.push(`大学${rng.int(1, 4)}年生。${rng.pick(MAJORS)}を専攻しています。`);
      break;
    case 'HIGH_SCHOOL_STUDENT':
      parts.push(`高校${rng.int(1, 3)}年生。探究学習で${rng.pick(INQUIRY_TOPICS)}を調べています。`);
      break;
    case 'COMPANY_EMPLOYEE':
      parts.push(
        facts.companyName && rng.chance(0.5)
          ? `${facts.companyName.replace(/（.*$/, '')}に勤めています。`
          : rng.pick(JOBS),
      );
      parts.push(rng.pick(EMPLOYEE_INTROS));
      break;
  }
  const theme = facts.themeCodes.length ? rng.pick(facts.themeCodes) : undefined;
  parts.push(rng.pick((theme && THEME_INTERESTS[theme]) || GENERIC_INTERESTS));
  if (facts.remoteOnly) parts.push('オンラインでの参加が中心になります。');
  else if (facts.exploringAMove) parts.push('将来は地方への移住も考えています。');
  else parts.push(rng.pick(CLOSINGS));
  return parts.join('');
}
