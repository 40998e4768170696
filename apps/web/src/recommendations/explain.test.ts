import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type {
  RecommendationProfileFieldsFragment,
  RecommendedProjectFieldsFragment,
} from '../gql/graphql';
import { initI18n } from '../i18n/i18n';
import { explainRecommendation, nameList } from './explain';

initI18n('ja');
const ja = i18next.getFixedT('ja');
const en = i18next.getFixedT('en');

const project: RecommendedProjectFieldsFragment = {
  id: 'p1',
  title: '美幌町の特産品ブランディング',
  mode: 'HYBRID',
  startDate: '2027-04-01',
  endDate: null,
  hoursPerWeek: 8,
  theme: { code: 'tourism', name: '観光', nameEn: 'Tourism' },
  place: {
    prefecture: { code: '01', name: '北海道', nameEn: 'Hokkaido' },
    municipality: { code: '015431', name: '北海道美幌町', nameEn: 'Bihoro Town' },
  },
  region: { id: 'r1', name: '美幌町役場' },
  requiredSkills: [
    { skillId: 's1', name: 'UIデザイン', nameEn: 'UI design', minLevel: 3, requirement: 'MUST' },
    { skillId: 's2', name: '写真撮影', nameEn: 'Photography', minLevel: 2, requirement: 'NICE' },
    { skillId: 's3', name: '動画編集', nameEn: 'Video editing', minLevel: 2, requirement: 'NICE' },
  ],
};

const profile: RecommendationProfileFieldsFragment = {
  userId: 'u1',
  updatedAt: '2027-01-01T00:00:00Z',
  skills: [
    { skillId: 's1', name: 'UIデザイン', nameEn: 'UI design', level: 4 },
    { skillId: 's2', name: '写真撮影', nameEn: 'Photography', level: 1 },
  ],
  themes: [{ code: 'tourism' }],
  goals: ['CAREER_BUILDING'],
  availability: { weeklyHours: 10 },
  homeMunicipality: { code: '011002' },
};

const factors = [
  { factor: 'skills', weight: 0.35, value: 0.75 },
  { factor: 'theme', weight: 0.15, value: 1 },
  { factor: 'availability', weight: 0.15, value: 1 },
  { factor: 'distance', weight: 0.1, value: 0.2 },
  { factor: 'goal', weight: 0.1, value: 0 },
  { factor: 'tie', weight: 0.1, value: 0 },
  { factor: 'fairness', weight: 0.05, value: 0.8 },
];

describe('explainRecommendation', () => {
  it('writes every factor as a Japanese sentence, the reasons for it first', () => {
    const reasons = explainRecommendation(factors, project, profile, ja, 'ja');
    expect(reasons.map((r) => [r.factor, r.tone, r.text])).toEqual([
      [
        'skills',
        'good',
        'あなたの「UIデザイン」のスキルが求められています。「写真撮影」「動画編集」もあると、さらに活躍できます。',
      ],
      ['theme', 'good', '関心のあるテーマ「観光」のプロジェクトです。'],
      ['availability', 'good', '週8時間ほどの活動で、あなたが参加できる週10時間に収まります。'],
      [
        'fairness',
        'good',
        'まだ候補者が少ないプロジェクトなので、あなたの参加が特に待たれています。',
      ],
      ['tie', 'neutral', '美幌町役場と新しくつながるきっかけになります。'],
      [
        'distance',
        'weak',
        '現地の北海道美幌町は、あなたの住まいから遠い場所です。リモートと組み合わせるので、現地へ行く回数は少なめです。',
      ],
      ['goal', 'weak', '登録した参加の目的とは、少し方向が異なります。'],
    ]);
  });

  it('writes the same in English, with English and romanised names', () => {
    const text = explainRecommendation(factors, project, profile, en, 'en').map((r) => r.text);
    expect(text).toEqual([
      'It asks for your UI design skills. Photography and Video editing would help too.',
      'It is about Tourism, a theme you care about.',
      'It takes about 8 hours a week, within the 10 you can give.',
      'Few people have been matched to it yet, so you would be especially welcome.',
      'A chance to get to know 美幌町役場.',
      'It takes place in Bihoro Town, Hokkaido, far from where you live. Part of it is remote, so fewer trips.',
      'It does not quite serve the goals you gave.',
    ]);
  });

  it('asks for what the profile lacks instead of judging it', () => {
    const bare = {
      ...profile,
      themes: [],
      goals: [],
      availability: { weeklyHours: null },
      homeMunicipality: null,
    };
    const byFactor = Object.fromEntries(
      explainRecommendation(
        factors.map((f) => ({ ...f, value: 0.5 })),
        project,
        bare,
        ja,
        'ja',
      ).map((r) => [r.factor, r]),
    );
    expect(byFactor.theme.tone).toBe('neutral');
    expect(byFactor.theme.text).toContain('関心のあるテーマを登録すると');
    expect(byFactor.availability.text).toContain('参加できる時間を登録すると');
    expect(byFactor.distance.text).toContain('住まいを登録すると');
    expect(byFactor.goal.text).toContain('参加の目的を登録すると');
  });

  it('treats remote work and projects without skills as reasons, and never shows an unknown code', () => {
    const remote = { ...project, mode: 'REMOTE' as const, requiredSkills: [] };
    const reasons = explainRecommendation(
      [...factors, { factor: 'newFactor', weight: 0.5, value: 1 }],
      remote,
      profile,
      en,
      'en',
    );
    expect(reasons.find((r) => r.factor === 'distance')?.text).toBe(
      'It is remote, so you can join from anywhere.',
    );
    expect(reasons.find((r) => r.factor === 'skills')?.text).toBe(
      'No particular skills are needed.',
    );
    expect(reasons.map((r) => r.factor)).not.toContain('newFactor');
    expect(reasons.map((r) => r.text).join(' ')).not.toContain('newFactor');
  });
});

describe('nameList', () => {
  it('quotes names in Japanese and lists them in English', () => {
    expect(nameList(['A', 'B', 'C'], 'ja')).toBe('「A」「B」「C」');
    expect(nameList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
  });
});
