import type { TFunction } from 'i18next';
import type {
  RecommendationProfileFieldsFragment,
  RecommendedProjectFieldsFragment,
} from '../gql/graphql';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';

export type Tone = 'good' | 'neutral' | 'weak';

export interface Reason {
  factor: string;
  tone: Tone;
  text: string;
}

interface Factor {
  factor: string;
  value: number;
  weight: number;
}

type Project = RecommendedProjectFieldsFragment;
type Profile = RecommendationProfileFieldsFragment;

// Values at or above this count as a reason for the project, below WEAK as a point against.
const GOOD = 0.6;
const WEAK = 0.3;
const TONE_ORDER: Record<Tone, number> = { good: 0, neutral: 1, weak: 2 };

// Names as a list in the reader's language: 「UIデザイン」「写真撮影」 / UI design and photography.
export function nameList(names: string[], language: string): string {
  if (language === 'ja') return names.map((n) => `「${n}」`).join('');
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
}

// The API explains a score by factor codes with values in [0, 1]; the sentences are written
// here, in the reader's language, from those values and what the project and the profile say
// (which skills matched, the place, the region). An unknown factor is left out, never shown raw.
export function explainRecommendation(
  factors: readonly Factor[],
  project: Project,
  profile: Profile | null | undefined,
  t: TFunction,
  language: string,
): Reason[] {
  // Within a tone, the factors the program weighs most come first.
  const reasons: Array<Reason & { weight: number }> = [];
  for (const f of factors) {
    const text = sentence(f, project, profile, t, language);
    if (!text) continue;
    reasons.push({ ...text, factor: f.factor, weight: f.weight });
  }
  return reasons
    .sort((a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone] || b.weight - a.weight)
    .map(({ factor, tone, text }) => ({ factor, tone, text }));
}

function toneOf(value: number): Tone {
  return value >= GOOD ? 'good' : value >= WEAK ? 'neutral' : 'weak';
}

function sentence(
  f: Factor,
  project: Project,
  profile: Profile | null | undefined,
  t: TFunction,
  language: string,
): { tone: Tone; text: string } | undefined {
  switch (f.factor) {
    case 'skills': {
      const required = project.requiredSkills;
      if (required.length === 0) return { tone: 'good', text: t('reasons.skills.none') };
      const levels = new Map(profile?.skills.map((s) => [s.skillId, s.level]) ?? []);
      const met = required.filter((s) => (levels.get(s.skillId) ?? 0) >= s.minLevel);
      const unmet = required.filter((s) => (levels.get(s.skillId) ?? 0) < s.minLevel);
      const names = (list: typeof required) =>
        nameList(
          list.map((s) => localName(s, language)),
          language,
        );
      if (met.length === 0)
        return {
          tone: toneOf(f.value),
          text: t('reasons.skills.toGrow', { skills: names(unmet) }),
        };
      const parts = [t('reasons.skills.match', { skills: names(met) })];
      if (unmet.length) parts.push(t('reasons.skills.also', { skills: names(unmet) }));
      return { tone: toneOf(f.value), text: parts.join(language === 'ja' ? '' : ' ') };
    }
    case 'theme': {
      const theme = localName(project.theme, language);
      if (f.value >= 1) return { tone: 'good', text: t('reasons.theme.match', { theme }) };
      if (!profile?.themes.length)
        return { tone: 'neutral', text: t('reasons.theme.unset', { theme }) };
      return { tone: 'weak', text: t('reasons.theme.other', { theme }) };
    }
    case 'availability': {
      const need = project.hoursPerWeek;
      const have = profile?.availability.weeklyHours;
      if (need == null) return { tone: 'neutral', text: t('reasons.hours.flexible') };
      if (have == null) return { tone: 'neutral', text: t('reasons.hours.unset', { need }) };
      return f.value >= 1
        ? { tone: 'good', text: t('reasons.hours.fits', { need, have }) }
        : { tone: toneOf(f.value), text: t('reasons.hours.more', { need, have }) };
    }
    case 'distance': {
      if (project.mode === 'REMOTE') return { tone: 'good', text: t('reasons.place.remote') };
      const place = placeName(project.place, language);
      if (!profile?.homeMunicipality)
        return { tone: 'neutral', text: t('reasons.place.unset', { place }) };
      const tone = toneOf(f.value);
      const key = tone === 'good' ? 'near' : tone === 'neutral' ? 'reachable' : 'far';
      const text = t(`reasons.place.${key}`, { place });
      return {
        tone,
        text:
          project.mode === 'HYBRID'
            ? `${text}${language === 'ja' ? '' : ' '}${t('reasons.place.hybrid')}`
            : text,
      };
    }
    case 'goal': {
      if (f.value >= 1) return { tone: 'good', text: t('reasons.goal.match') };
      if (!profile?.goals.length) return { tone: 'neutral', text: t('reasons.goal.unset') };
      return { tone: 'weak', text: t('reasons.goal.other') };
    }
    case 'tie': {
      const region = project.region.name;
      return f.value >= 1
        ? { tone: 'good', text: t('reasons.tie.known', { region }) }
        : { tone: 'neutral', text: t('reasons.tie.new', { region }) };
    }
    case 'fairness':
      return f.value >= 0.5
        ? { tone: 'good', text: t('reasons.fairness.few') }
        : { tone: 'neutral', text: t('reasons.fairness.many') };
    default:
      return undefined;
  }
}
