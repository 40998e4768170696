import { distanceKm } from './geo-distance';
import type { Reason } from './match-factors';
import type { GeoPoint } from './match-facts';

// Member-to-member matching for the council (かかわりラボ): a sibling of the project scorer, pure,
// with the same shape of answer (factor values in [0, 1] with reasons in both languages). It
// scores one direction at a time: how well a candidate answers what a member seeks, and how
// well the member answers what the candidate seeks. Suggestions show both.

export type CouncilMemberKind = 'REGION' | 'INTERMEDIARY' | 'COMPANY';

export interface CouncilMemberFacts {
  organizationId: string;
  kind: CouncilMemberKind;
  offers: ReadonlySet<string>;
  seeks: ReadonlySet<string>;
  themes: ReadonlySet<string>;
  // The member's municipality (or its prefecture's seat); null when it gave no place.
  point: GeoPoint | null;
}

export type PartnerFactorName = 'theyOffer' | 'youOffer' | 'themes' | 'distance' | 'kinds';

export interface PartnerFactor {
  factor: PartnerFactorName;
  value: number;
  weight: number;
  reason: Reason;
}

export interface PartnerScore {
  organizationId: string;
  // In [0, 1], rounded to 6 decimals.
  score: number;
  // The share of what the member seeks that the candidate offers, and the reverse: the two
  // directions the screen names ("they offer what you seek", "you offer what they seek").
  theyOffer: string[];
  youOffer: string[];
  factors: PartnerFactor[];
}

// What counts most is an exchange: something sought and offered, either way. Place and kind
// break ties between equally useful partners; shared themes give a conversation to start.
export const PARTNER_WEIGHTS: Readonly<Record<PartnerFactorName, number>> = {
  theyOffer: 0.3,
  youOffer: 0.3,
  themes: 0.2,
  distance: 0.1,
  kinds: 0.1,
};

// Distance at which nearness halves: a neighbouring prefecture still counts for something.
const DISTANCE_HALF_KM = 200;

// Kinds that complete each other: a region needs people and companies; a company needs places;
// intermediaries connect both. Two of a kind learn from each other, which counts less.
const COMPLEMENT: Record<CouncilMemberKind, Record<CouncilMemberKind, number>> = {
  REGION: { REGION: 0.4, INTERMEDIARY: 0.8, COMPANY: 1 },
  INTERMEDIARY: { REGION: 0.8, INTERMEDIARY: 0.4, COMPANY: 0.8 },
  COMPANY: { REGION: 1, INTERMEDIARY: 0.8, COMPANY: 0.3 },
};

const KIND_NAMES: Record<CouncilMemberKind, Reason> = {
  REGION: { ja: '地域', en: 'a region' },
  INTERMEDIARY: { ja: '中間支援組織', en: 'an intermediary' },
  COMPANY: { ja: '企業', en: 'a company' },
};

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((x) => b.has(x)).sort();
}

// The share of what `seeker` seeks that `offerer` offers: 0 when it seeks nothing.
export function answeredShare(seeker: CouncilMemberFacts, offerer: CouncilMemberFacts): number {
  if (seeker.seeks.size === 0) return 0;
  return shared(seeker.seeks, offerer.offers).length / seeker.seeks.size;
}

// Jaccard overlap of the themes.
export function themeOverlap(a: CouncilMemberFacts, b: CouncilMemberFacts): number {
  const common = shared(a.themes, b.themes).length;
  const union = a.themes.size + b.themes.size - common;
  return union === 0 ? 0 : common / union;
}

// 1 at the same place, 0.5 at DISTANCE_HALF_KM; 0.5 when either gave no place (unknown, neither
// near nor far).
export function nearness(a: CouncilMemberFacts, b: CouncilMemberFacts): number | null {
  if (!a.point || !b.point) return null;
  const km = distanceKm(a.point, b.point);
  return DISTANCE_HALF_KM / (DISTANCE_HALF_KM + km);
}

export function kindComplement(a: CouncilMemberKind, b: CouncilMemberKind): number {
  return COMPLEMENT[a][b];
}

// How well `candidate` suits `member`, both ways, explained. Tag names in reasons are left to
// the caller's words (`tagName`), so the scorer holds no vocabulary of its own.
export function scorePartner(
  member: CouncilMemberFacts,
  candidate: CouncilMemberFacts,
  tagName: (tag: string) => Reason,
): PartnerScore {
  const theyOffer = shared(member.seeks, candidate.offers);
  const youOffer = shared(candidate.seeks, member.offers);
  const themes = shared(member.themes, candidate.themes);
  const near = nearness(member, candidate);
  const km = member.point && candidate.point ? distanceKm(member.point, candidate.point) : null;
  const list = (tags: string[], lang: 'ja' | 'en') =>
    tags.map((t) => tagName(t)[lang]).join(lang === 'ja' ? '、' : ', ');

  const factors: PartnerFactor[] = [
    {
      factor: 'theyOffer',
      value: answeredShare(member, candidate),
      weight: PARTNER_WEIGHTS.theyOffer,
      reason: theyOffer.length
        ? {
            ja: `あなたが求める「${list(theyOffer, 'ja')}」を提供できます`,
            en: `They offer what you seek: ${list(theyOffer, 'en')}`,
          }
        : { ja: 'あなたが求めるものの提供はありません', en: 'They offer nothing you seek' },
    },
    {
      factor: 'youOffer',
      value: answeredShare(candidate, member),
      weight: PARTNER_WEIGHTS.youOffer,
      reason: youOffer.length
        ? {
            ja: `相手が求める「${list(youOffer, 'ja')}」をあなたが提供できます`,
            en: `You offer what they seek: ${list(youOffer, 'en')}`,
          }
        : { ja: '相手が求めるものをあなたは提供していません', en: 'You offer nothing they seek' },
    },
    {
      factor: 'themes',
      value: themeOverlap(member, candidate),
      weight: PARTNER_WEIGHTS.themes,
      reason: themes.length
        ? {
            ja: `共通のテーマが${themes.length}つあります`,
            en: `${themes.length} theme${themes.length === 1 ? '' : 's'} in common`,
          }
        : { ja: '共通のテーマはありません', en: 'No themes in common' },
    },
    {
      factor: 'distance',
      value: near ?? 0.5,
      weight: PARTNER_WEIGHTS.distance,
      reason:
        km === null
          ? { ja: '所在地が未登録のため距離は不明です', en: 'Distance unknown: no place given' }
          : km < 1
            ? { ja: '同じ市区町村です', en: 'In the same municipality' }
            : {
                ja: `約${Math.round(km)}km離れています`,
                en: `About ${Math.round(km)} km apart`,
              },
    },
    {
      factor: 'kinds',
      value: kindComplement(member.kind, candidate.kind),
      weight: PARTNER_WEIGHTS.kinds,
      reason:
        member.kind === candidate.kind
          ? {
              ja: `同じ${KIND_NAMES[candidate.kind].ja}どうしで学び合えます`,
              en: `Both are ${KIND_NAMES[candidate.kind].en}: peers to learn from`,
            }
          : {
              ja: `${KIND_NAMES[member.kind].ja}と${KIND_NAMES[candidate.kind].ja}で補い合えます`,
              en: `${capitalise(KIND_NAMES[member.kind].en)} and ${KIND_NAMES[candidate.kind].en} complete each other`,
            },
    },
  ];
  const total = factors.reduce((s, f) => s + f.weight, 0);
  const score = round6(factors.reduce((s, f) => s + f.weight * f.value, 0) / total);
  return { organizationId: candidate.organizationId, score, theyOffer, youOffer, factors };
}

// The best partners for a member, best first (ties by id, so the order is stable); only those
// with an exchange either way, since a partner with nothing to trade is no suggestion.
export function suggestPartners(
  member: CouncilMemberFacts,
  candidates: readonly CouncilMemberFacts[],
  first: number,
  tagName: (tag: string) => Reason,
): PartnerScore[] {
  return candidates
    .filter((c) => c.organizationId !== member.organizationId)
    .map((c) => scorePartner(member, c, tagName))
    .filter((s) => s.theyOffer.length > 0 || s.youOffer.length > 0)
    .sort((a, b) => b.score - a.score || a.organizationId.localeCompare(b.organizationId))
    .slice(0, first);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
