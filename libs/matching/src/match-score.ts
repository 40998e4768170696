import { distanceKm } from './geo-distance';
import {
  kindEligible,
  modeAllowed,
  mustHaveSkillsMet,
  periodsOverlap,
  withinTravelRange,
} from './hard-filters';
import {
  availabilityValue,
  distanceValue,
  FACTOR_FUNCTIONS,
  type FactorValue,
  fairnessValue,
  goalValue,
  pairContext,
  skillsValue,
  themeValue,
  tieValue,
} from './match-factors';
import type { ParticipantFacts, ProjectFacts } from './match-facts';
import type { MatchingWeights } from './match-weights';
import { TopK } from './top-k';

export interface ExplainedFactor extends FactorValue {
  weight: number;
}

export interface Match {
  participantId: string;
  projectId: string;
  // In [0, 1], rounded to 6 decimals so equal inputs compare equal everywhere.
  score: number;
  weightsVersion: string;
  factors: ExplainedFactor[];
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// The weighted mean of the factor values, in FACTORS order, rounded like every score. Indexes
// call it with upper bounds of some values: each step (w·v, +, /, round6) is monotone in v for
// w >= 0, so the result is an upper bound of the exact score, bit for bit comparable with it.
export function combineFactorValues(
  weights: MatchingWeights,
  skills: number,
  theme: number,
  availability: number,
  distance: number,
  goal: number,
  tie: number,
  fairness: number,
): number {
  const w = weights.weights;
  let sum = 0;
  sum += w.skills * skills;
  sum += w.theme * theme;
  sum += w.availability * availability;
  sum += w.distance * distance;
  sum += w.goal * goal;
  sum += w.tie * tie;
  sum += w.fairness * fairness;
  let total = 0;
  total += w.skills;
  total += w.theme;
  total += w.availability;
  total += w.distance;
  total += w.goal;
  total += w.tie;
  total += w.fairness;
  return round6(sum / total);
}

// Home to project when some filter or factor needs it: remote projects never do.
export function pairKm(participant: ParticipantFacts, project: ProjectFacts): number | null {
  return participant.home && project.mode !== 'REMOTE'
    ? distanceKm(participant.home, project.location)
    : null;
}

// The score of a pair without its explanation, or null when a hard filter excludes it: the one
// numeric path behind scorePair, topProjects, topCandidates and the indexes.
export function pairScore(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
): number | null {
  if (
    !kindEligible(participant, project) ||
    !mustHaveSkillsMet(participant, project) ||
    !modeAllowed(participant, project) ||
    !periodsOverlap(participant, project)
  ) {
    return null;
  }
  const km = pairKm(participant, project);
  if (!withinTravelRange(participant, project, km)) return null;
  return combineFactorValues(
    weights,
    skillsValue(participant, project),
    themeValue(participant, project.themeCode),
    availabilityValue(participant, project.hoursPerWeek),
    distanceValue(project.mode, km),
    goalValue(participant, project),
    tieValue(participant, project.regionOrganizationId),
    fairnessValue(project.candidateCount),
  );
}

// The score of a possible pair with its explanation, or null when a hard filter excludes it.
export function scorePair(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
): Match | null {
  const score = pairScore(participant, project, weights);
  if (score === null) return null;
  const pair = pairContext(participant, project);
  const factors = FACTOR_FUNCTIONS.map((fn) => {
    const f = fn(participant, project, pair);
    return { ...f, value: round6(f.value), weight: weights.weights[f.factor] };
  });
  return {
    participantId: participant.id,
    projectId: project.id,
    score,
    weightsVersion: weights.version,
    factors,
  };
}

// Best first; equal scores by project id, then participant id, so the order is deterministic.
export function compareMatches(a: Match, b: Match): number {
  if (b.score !== a.score) return b.score - a.score;
  if (a.projectId !== b.projectId) return a.projectId < b.projectId ? -1 : 1;
  return a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;
}

// A participant's top-k projects by exhaustive scoring (the reference the indexed engine must
// equal): every project through pairScore, explanations only for the k kept.
export function topProjects(
  participant: ParticipantFacts,
  projects: readonly ProjectFacts[],
  weights: MatchingWeights,
  k: number,
): Match[] {
  const top = new TopK(k);
  for (let i = 0; i < projects.length; i++) {
    const score = pairScore(participant, projects[i], weights);
    if (score !== null) top.offer(score, projects[i].id, i);
  }
  return top.items().map((i) => scorePair(participant, projects[i], weights)!);
}

// A project's top-k participants by exhaustive scoring (the reference for ParticipantIndex).
export function topCandidates(
  project: ProjectFacts,
  participants: readonly ParticipantFacts[],
  weights: MatchingWeights,
  k: number,
): Match[] {
  const top = new TopK(k);
  for (let i = 0; i < participants.length; i++) {
    const score = pairScore(participants[i], project, weights);
    if (score !== null) top.offer(score, participants[i].id, i);
  }
  return top.items().map((i) => scorePair(participants[i], project, weights)!);
}
