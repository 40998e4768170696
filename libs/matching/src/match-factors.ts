import type { GoalCode, ModeCode, ParticipantFacts, ProjectFacts } from './match-facts';
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

// Each factor is a numeric value function (run for every pair the engine looks at) and a reason
// function (run only for the pairs it shows). The indexes bound these same value functions, so a
// change here changes brute force and indexes alike.

// Distance at which on-site attractiveness halves.
const DISTANCE_HALF_KM = 150;
// Candidate count at which the fairness boost halves.
const FAIRNESS_HALF = 5;

// Reason texts with small whole numbers in them are made once per number and then reused (the
// strings are immutable; every call still gets its own object). Explanations are built for every
// match shown, so this is a hot path.
class TextCache {
  // Allocated on first use, packed so that lookups stay fast.
  private ja: Array<string | undefined> = [];
  private en: string[] = [];

  constructor(private readonly size: number) {}

  // The cache slot for a key, or -1 when the key is not a small whole number.
  slot(key: number): number {
    return Number.isInteger(key) && key >= 0 && key < this.size ? key : -1;
  }

  get(slot: number): Reason | undefined {
    const ja = slot < 0 ? undefined : this.ja[slot];
    return ja === undefined ? undefined : { ja, en: this.en[slot] };
  }

  put(slot: number, reason: Reason): Reason {
    if (slot >= 0) {
      if (this.ja.length === 0) {
        this.ja = new Array<string | undefined>(this.size).fill(undefined);
        this.en = new Array<string>(this.size).fill('');
      }
      this.ja[slot] = reason.ja;
      this.en[slot] = reason.en;
    }
    return reason;
  }
}

// Credit for one required skill: full at the minimum level, partial below it (only nice-to-haves
// get there: a missing must-have excludes the pair).
export function skillCredit(level: number, minLevel: number): number {
  return level >= minLevel ? 1 : level / minLevel / 2;
}

export function skillsValue(p: ParticipantFacts, project: ProjectFacts): number {
  if (project.skills.length === 0) return 1;
  let weighted = 0;
  let total = 0;
  for (const s of project.skills) {
    weighted += s.weight * skillCredit(p.skills.get(s.skillId) ?? 0, s.minLevel);
    total += s.weight;
  }
  return weighted / total;
}

const skillsTexts = new TextCache(1 << 16);

export function skillsReason(p: ParticipantFacts, project: ProjectFacts): Reason {
  if (project.skills.length === 0) return { ja: 'スキル要件なし', en: 'No skills required' };
  let musts = 0;
  let mustMet = 0;
  let niceMet = 0;
  for (const s of project.skills) {
    if (s.must) musts++;
    if ((p.skills.get(s.skillId) ?? 0) >= s.minLevel) {
      if (s.must) mustMet++;
      else niceMet++;
    }
  }
  const nices = project.skills.length - musts;
  const slot =
    Math.max(musts, nices) < 16
      ? skillsTexts.slot((mustMet << 12) | (musts << 8) | (niceMet << 4) | nices)
      : -1;
  const cached = skillsTexts.get(slot);
  if (cached) return cached;
  const mustJa = `必須スキル ${mustMet}/${musts} を満たす`;
  const mustEn = `meets ${mustMet}/${musts} must-have skills`;
  const niceJa = `歓迎スキル ${niceMet}/${nices}`;
  const niceEn = `${niceMet}/${nices} nice-to-have`;
  if (musts === 0) return skillsTexts.put(slot, { ja: niceJa, en: niceEn });
  if (nices === 0) return skillsTexts.put(slot, { ja: mustJa, en: mustEn });
  return skillsTexts.put(slot, { ja: `${mustJa}、${niceJa}`, en: `${mustEn}, ${niceEn}` });
}

export function themeValue(p: ParticipantFacts, themeCode: string): number {
  if (p.themeCodes.length === 0) return 0.5;
  return p.themeCodes.includes(themeCode) ? 1 : 0;
}

export function themeReason(p: ParticipantFacts, themeCode: string): Reason {
  if (p.themeCodes.length === 0)
    return { ja: '関心テーマ未設定', en: 'No themes of interest given' };
  return p.themeCodes.includes(themeCode)
    ? { ja: '関心のあるテーマ', en: 'A theme of interest' }
    : { ja: '関心テーマ外', en: 'Outside the themes of interest' };
}

export function availabilityValue(p: ParticipantFacts, hoursPerWeek: number | null): number {
  return hoursValue(p.weeklyHours, hoursPerWeek);
}

// availabilityValue from the hours alone, for the indexes' bounds.
export function hoursValue(available: number | null, needed: number | null): number {
  if (available === null || needed === null) return 0.5;
  // Nothing needed is fully available (0 / 0 would be NaN and poison every comparison).
  if (needed <= 0) return 1;
  return Math.min(1, available / needed);
}

// Up to a week's hours on both sides.
const HOURS_KEYS = 169;
const availabilityTexts = new TextCache(HOURS_KEYS * HOURS_KEYS);

export function availabilityReason(p: ParticipantFacts, hoursPerWeek: number | null): Reason {
  const available = p.weeklyHours;
  if (available === null || hoursPerWeek === null) {
    return { ja: '稼働時間の情報なし', en: 'Hours not stated' };
  }
  const slot =
    Number.isInteger(available) && available >= 0 && available < HOURS_KEYS
      ? availabilityTexts.slot(hoursPerWeek * HOURS_KEYS + available)
      : -1;
  return (
    availabilityTexts.get(slot) ??
    availabilityTexts.put(slot, {
      ja: `週${available}時間 / 必要 週${hoursPerWeek}時間`,
      en: `${available} h/week available of ${hoursPerWeek} needed`,
    })
  );
}

// Non-increasing in km, so a lower bound on km gives an upper bound on the value.
export function distanceValue(mode: ModeCode, km: number | null): number {
  if (mode === 'REMOTE') return 1;
  if (km === null) return 0.5;
  // Hybrid work needs fewer trips, so distance weighs half as much.
  const halfKm = mode === 'HYBRID' ? DISTANCE_HALF_KM * 2 : DISTANCE_HALF_KM;
  return Math.pow(0.5, Math.round(km) / halfKm);
}

const distanceTexts = new TextCache(20_000);

export function distanceReason(mode: ModeCode, km: number | null): Reason {
  if (mode === 'REMOTE') return { ja: 'リモートで参加可能', en: 'Remote' };
  if (km === null) return { ja: '居住地未設定', en: 'Home not given' };
  const rounded = Math.round(km);
  const slot = distanceTexts.slot(rounded);
  return (
    distanceTexts.get(slot) ??
    distanceTexts.put(slot, { ja: `居住地から約${rounded}km`, en: `About ${rounded} km from home` })
  );
}

// Which project themes and modes serve each goal, in the order of the goal bits below.
const GOAL_FIT: Record<GoalCode, (project: ProjectFacts) => boolean> = {
  CAREER_BUILDING: (pr) => pr.themeCode === 'work',
  SIDE_JOB_TRIAL: (pr) => pr.themeCode === 'work',
  LEARNING: (pr) => pr.themeCode === 'learning' || pr.themeCode === 'agriculture',
  EXPLORING_A_MOVE: (pr) => pr.mode !== 'REMOTE',
  SKILL_INVENTORY: (pr) => pr.skills.length > 0,
};

const GOAL_BITS: Record<GoalCode, number> = {
  CAREER_BUILDING: 1,
  SIDE_JOB_TRIAL: 2,
  LEARNING: 4,
  EXPLORING_A_MOVE: 8,
  SKILL_INVENTORY: 16,
};

const GOAL_NAMES: Record<GoalCode, Reason> = {
  CAREER_BUILDING: { ja: 'キャリア形成', en: 'career building' },
  SIDE_JOB_TRIAL: { ja: '副業トライアル', en: 'side-job trial' },
  LEARNING: { ja: '学び', en: 'learning' },
  EXPLORING_A_MOVE: { ja: '移住の検討', en: 'exploring a move' },
  SKILL_INVENTORY: { ja: 'スキルの棚卸し', en: 'skill inventory' },
};

// The goals a project serves, as bits: projects with equal masks serve goals equally.
export function goalFitMask(project: ProjectFacts): number {
  let mask = 0;
  for (const goal of Object.keys(GOAL_FIT) as GoalCode[]) {
    if (GOAL_FIT[goal](project)) mask |= GOAL_BITS[goal];
  }
  return mask;
}

// A participant's goals as bits, to meet a project's goalFitMask.
export function goalMask(goals: readonly GoalCode[]): number {
  let mask = 0;
  for (const goal of goals) mask |= GOAL_BITS[goal];
  return mask;
}

// The goal factor from both sides' masks: what goalValue is for any pair.
export function goalValueOfMasks(participantGoals: number, projectFit: number): number {
  if (participantGoals & projectFit) return 1;
  return participantGoals ? 0 : 0.5;
}

export function goalValue(p: ParticipantFacts, project: ProjectFacts): number {
  for (const goal of p.goals) if (GOAL_FIT[goal](project)) return 1;
  return p.goals.length ? 0 : 0.5;
}

export function goalReason(p: ParticipantFacts, project: ProjectFacts): Reason {
  for (const goal of p.goals) {
    if (!GOAL_FIT[goal](project)) continue;
    const name = GOAL_NAMES[goal];
    return { ja: `目的「${name.ja}」に合う`, en: `Serves the goal: ${name.en}` };
  }
  return { ja: '目的との一致なし', en: 'No goal served' };
}

export function tieValue(p: ParticipantFacts, regionOrganizationId: string): number {
  return p.regionTies.has(regionOrganizationId) ? 1 : 0;
}

export function tieReason(p: ParticipantFacts, regionOrganizationId: string): Reason {
  return p.regionTies.has(regionOrganizationId)
    ? { ja: 'この地域との関わりあり', en: 'Already has a tie with this region' }
    : { ja: 'この地域とは初めて', en: 'New to this region' };
}

// Projects few people have been matched to so far get a boost, so attention spreads out.
export function fairnessValue(candidateCount: number): number {
  return 1 / (1 + candidateCount / FAIRNESS_HALF);
}

const fairnessTexts = new TextCache(10_000);

export function fairnessReason(candidateCount: number): Reason {
  const slot = fairnessTexts.slot(candidateCount);
  return (
    fairnessTexts.get(slot) ??
    fairnessTexts.put(slot, {
      ja: `候補者 ${candidateCount}人`,
      en: `${candidateCount} candidates so far`,
    })
  );
}
