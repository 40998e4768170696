import { distanceKm } from './geo-distance';
import type { GoalCode, ParticipantFacts, ProjectFacts } from './match-facts';
import type { FactorName } from './match-weights';

export interface Reason {
  ja: string;
  en: string;
}

export interface FactorValue {
  factor: FactorName;
  // In [0, 1].
  value: number;
  reason: Reason;
}

// Distance at which on-site attractiveness halves.
const DISTANCE_HALF_KM = 150;
// Candidate count at which the fairness boost halves.
const FAIRNESS_HALF = 5;

export function skillsFactor(p: ParticipantFacts, project: ProjectFacts): FactorValue {
  if (project.skills.length === 0) {
    return {
      factor: 'skills',
      value: 1,
      reason: { ja: 'スキル要件なし', en: 'No skills required' },
    };
  }
  let weighted = 0;
  let total = 0;
  let musts = 0;
  let mustMet = 0;
  let niceMet = 0;
  for (const s of project.skills) {
    if (s.must) musts++;
    const level = p.skills.get(s.skillId) ?? 0;
    // Full credit at the minimum level; partial credit below it (only nice-to-haves get here).
    const credit = level >= s.minLevel ? 1 : level / s.minLevel / 2;
    weighted += s.weight * credit;
    total += s.weight;
    if (level >= s.minLevel) {
      if (s.must) mustMet++;
      else niceMet++;
    }
  }
  const nices = project.skills.length - musts;
  const ja = [
    musts ? `必須スキル ${mustMet}/${musts} を満たす` : '',
    nices ? `歓迎スキル ${niceMet}/${nices}` : '',
  ]
    .filter(Boolean)
    .join('、');
  const en = [
    musts ? `meets ${mustMet}/${musts} must-have skills` : '',
    nices ? `${niceMet}/${nices} nice-to-have` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return { factor: 'skills', value: weighted / total, reason: { ja, en } };
}

export function themeFactor(p: ParticipantFacts, project: ProjectFacts): FactorValue {
  if (p.themeCodes.length === 0) {
    return {
      factor: 'theme',
      value: 0.5,
      reason: { ja: '関心テーマ未設定', en: 'No themes of interest given' },
    };
  }
  const match = p.themeCodes.includes(project.themeCode);
  return match
    ? { factor: 'theme', value: 1, reason: { ja: '関心のあるテーマ', en: 'A theme of interest' } }
    : {
        factor: 'theme',
        value: 0,
        reason: { ja: '関心テーマ外', en: 'Outside the themes of interest' },
      };
}

export function availabilityFactor(p: ParticipantFacts, project: ProjectFacts): FactorValue {
  if (p.weeklyHours === null || project.hoursPerWeek === null) {
    return {
      factor: 'availability',
      value: 0.5,
      reason: { ja: '稼働時間の情報なし', en: 'Hours not stated' },
    };
  }
  const value = Math.min(1, p.weeklyHours / project.hoursPerWeek);
  return {
    factor: 'availability',
    value,
    reason: {
      ja: `週${p.weeklyHours}時間 / 必要 週${project.hoursPerWeek}時間`,
      en: `${p.weeklyHours} h/week available of ${project.hoursPerWeek} needed`,
    },
  };
}

// What scorePair works out once per pair and hands to every factor.
export interface PairContext {
  // Home to project, or null when the participant gave no home.
  km: number | null;
}

export function pairContext(p: ParticipantFacts, project: ProjectFacts): PairContext {
  return { km: p.home ? distanceKm(p.home, project.location) : null };
}

export function distanceFactor(
  p: ParticipantFacts,
  project: ProjectFacts,
  pair: PairContext = pairContext(p, project),
): FactorValue {
  if (project.mode === 'REMOTE') {
    return { factor: 'distance', value: 1, reason: { ja: 'リモートで参加可能', en: 'Remote' } };
  }
  if (pair.km === null) {
    return { factor: 'distance', value: 0.5, reason: { ja: '居住地未設定', en: 'Home not given' } };
  }
  const km = Math.round(pair.km);
  // Hybrid work needs fewer trips, so distance weighs half as much.
  const halfKm = project.mode === 'HYBRID' ? DISTANCE_HALF_KM * 2 : DISTANCE_HALF_KM;
  return {
    factor: 'distance',
    value: Math.pow(0.5, km / halfKm),
    reason: { ja: `居住地から約${km}km`, en: `About ${km} km from home` },
  };
}

// Which project themes and modes serve each goal.
const GOAL_FIT: Record<GoalCode, (project: ProjectFacts) => boolean> = {
  CAREER_BUILDING: (pr) => pr.themeCode === 'work',
  SIDE_JOB_TRIAL: (pr) => pr.themeCode === 'work',
  LEARNING: (pr) => pr.themeCode === 'learning' || pr.themeCode === 'agriculture',
  EXPLORING_A_MOVE: (pr) => pr.mode !== 'REMOTE',
  SKILL_INVENTORY: (pr) => pr.skills.length > 0,
};

const GOAL_NAMES: Record<GoalCode, Reason> = {
  CAREER_BUILDING: { ja: 'キャリア形成', en: 'career building' },
  SIDE_JOB_TRIAL: { ja: '副業トライアル', en: 'side-job trial' },
  LEARNING: { ja: '学び', en: 'learning' },
  EXPLORING_A_MOVE: { ja: '移住の検討', en: 'exploring a move' },
  SKILL_INVENTORY: { ja: 'スキルの棚卸し', en: 'skill inventory' },
};

export function goalFactor(p: ParticipantFacts, project: ProjectFacts): FactorValue {
  const fitting = p.goals.filter((g) => GOAL_FIT[g](project));
  if (fitting.length === 0) {
    return {
      factor: 'goal',
      value: p.goals.length ? 0 : 0.5,
      reason: { ja: '目的との一致なし', en: 'No goal served' },
    };
  }
  const first = GOAL_NAMES[fitting[0]];
  return {
    factor: 'goal',
    value: 1,
    reason: { ja: `目的「${first.ja}」に合う`, en: `Serves the goal: ${first.en}` },
  };
}

export function tieFactor(p: ParticipantFacts, project: ProjectFacts): FactorValue {
  return p.regionTies.has(project.regionOrganizationId)
    ? {
        factor: 'tie',
        value: 1,
        reason: { ja: 'この地域との関わりあり', en: 'Already has a tie with this region' },
      }
    : { factor: 'tie', value: 0, reason: { ja: 'この地域とは初めて', en: 'New to this region' } };
}

// Projects few people have been matched to so far get a boost, so attention spreads out.
export function fairnessFactor(_p: ParticipantFacts, project: ProjectFacts): FactorValue {
  const value = 1 / (1 + project.candidateCount / FAIRNESS_HALF);
  return {
    factor: 'fairness',
    value,
    reason: {
      ja: `候補者 ${project.candidateCount}人`,
      en: `${project.candidateCount} candidates so far`,
    },
  };
}

export const FACTOR_FUNCTIONS: Array<
  (p: ParticipantFacts, project: ProjectFacts, pair: PairContext) => FactorValue
> = [
  skillsFactor,
  themeFactor,
  availabilityFactor,
  distanceFactor,
  goalFactor,
  tieFactor,
  fairnessFactor,
];
