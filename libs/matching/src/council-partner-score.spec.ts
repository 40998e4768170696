import {
  answeredShare,
  CouncilMemberFacts,
  kindComplement,
  nearness,
  scorePartner,
  suggestPartners,
  themeOverlap,
} from './council-partner-score';

const NAMES: Record<string, { ja: string; en: string }> = {
  PARTICIPANTS: { ja: '参加者', en: 'participants' },
  VENUES: { ja: '拠点', en: 'venues' },
  FUNDING: { ja: '資金', en: 'funding' },
  KNOW_HOW: { ja: 'ノウハウ', en: 'know-how' },
};
const tagName = (tag: string) => NAMES[tag] ?? { ja: tag, en: tag };

// Bihoro (Hokkaido), Tokyo's Chuo ward, Ichinoseki (Iwate).
const BIHORO = { lat: 43.8233, lng: 144.1069 };
const CHUO = { lat: 35.6706, lng: 139.772 };

function member(
  over: Partial<CouncilMemberFacts> & { organizationId: string },
): CouncilMemberFacts {
  return {
    kind: 'REGION',
    offers: new Set(),
    seeks: new Set(),
    themes: new Set(),
    point: null,
    ...over,
  };
}

const town = member({
  organizationId: 'town',
  kind: 'REGION',
  offers: new Set(['VENUES']),
  seeks: new Set(['PARTICIPANTS', 'FUNDING']),
  themes: new Set(['AGRICULTURE', 'TOURISM']),
  point: BIHORO,
});
const company = member({
  organizationId: 'company',
  kind: 'COMPANY',
  offers: new Set(['PARTICIPANTS', 'FUNDING']),
  seeks: new Set(['VENUES']),
  themes: new Set(['AGRICULTURE']),
  point: CHUO,
});

describe('council partner factors', () => {
  it('measures what one seeks that the other offers, each way', () => {
    expect(answeredShare(town, company)).toBe(1);
    expect(answeredShare(company, town)).toBe(1);
    const half = member({ organizationId: 'x', offers: new Set(['PARTICIPANTS']) });
    expect(answeredShare(town, half)).toBe(0.5);
    expect(answeredShare(half, town)).toBe(0);
  });

  it('overlaps themes, halves nearness at 200 km and knows no distance without a place', () => {
    expect(themeOverlap(town, company)).toBe(0.5);
    expect(nearness(town, town)).toBe(1);
    const km = 200 / nearness(town, company)! - 200;
    expect(km).toBeGreaterThan(950);
    expect(km).toBeLessThan(1000);
    expect(nearness(town, member({ organizationId: 'nowhere' }))).toBeNull();
  });

  it('values a region and a company above two of a kind', () => {
    expect(kindComplement('REGION', 'COMPANY')).toBeGreaterThan(kindComplement('REGION', 'REGION'));
    expect(kindComplement('COMPANY', 'COMPANY')).toBeLessThan(kindComplement('COMPANY', 'REGION'));
  });
});

describe('scorePartner', () => {
  it('explains both directions in words, in Japanese and English', () => {
    const s = scorePartner(town, company, tagName);
    expect(s.theyOffer).toEqual(['FUNDING', 'PARTICIPANTS']);
    expect(s.youOffer).toEqual(['VENUES']);
    const reasons = Object.fromEntries(s.factors.map((f) => [f.factor, f.reason]));
    expect(reasons.theyOffer.ja).toBe('あなたが求める「資金、参加者」を提供できます');
    expect(reasons.theyOffer.en).toBe('They offer what you seek: funding, participants');
    expect(reasons.youOffer.en).toBe('You offer what they seek: venues');
    expect(reasons.distance.en).toMatch(/^About 9\d\d km apart$/);
    expect(reasons.kinds.en).toBe('A region and a company complete each other');
    expect(reasons.themes.ja).toBe('共通のテーマが1つあります');
  });

  it('scores the weighted mean of its factors, in [0, 1]', () => {
    const s = scorePartner(town, company, tagName);
    const mean =
      s.factors.reduce((sum, f) => sum + f.weight * f.value, 0) /
      s.factors.reduce((sum, f) => sum + f.weight, 0);
    expect(s.score).toBeCloseTo(mean, 6);
    expect(s.score).toBeGreaterThan(0.7);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it('is not symmetric in words: each side reads its own direction', () => {
    const back = scorePartner(company, town, tagName);
    expect(back.theyOffer).toEqual(['VENUES']);
    expect(back.youOffer).toEqual(['FUNDING', 'PARTICIPANTS']);
  });
});

describe('suggestPartners', () => {
  it('ranks exchanges first, leaves out itself and those with nothing to trade', () => {
    const peer = member({
      organizationId: 'peer',
      kind: 'REGION',
      offers: new Set(['KNOW_HOW']),
      seeks: new Set(['VENUES']),
      themes: new Set(['AGRICULTURE', 'TOURISM']),
      point: BIHORO,
    });
    const idle = member({ organizationId: 'idle', kind: 'COMPANY', themes: new Set(['TOURISM']) });
    const list = suggestPartners(town, [town, idle, peer, company], 10, tagName);
    expect(list.map((s) => s.organizationId)).toEqual(['company', 'peer']);
    expect(suggestPartners(town, [peer, company], 1, tagName)).toHaveLength(1);
  });
});
