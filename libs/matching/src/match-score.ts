import { distanceKm } from './geo-distance';
import {
  kindEligible,
  modeAllowed,
  mustHaveSkillsMet,
  periodsOverlap,
  withinTravelRange,
} from './hard-filters';
import {
  availabilityReason,
  availabilityValue,
  distanceReason,
  distanceValue,
  type FactorValue,
  fairnessReason,
  fairnessValue,
  goalReason,
  goalValue,
  type Reason,
  skillsReason,
  skillsValue,
  themeReason,
  themeValue,
  tieReason,
  tieValue,
} from './match-factors';
import type { ParticipantFacts, ProjectFacts } from './match-facts';
import type { FactorName, MatchingWeights } from './match-weights';
import { TopK } from './top-k';

export interface ExplainedFactor extends FactorValue {
  weight: number;
}

// A match as the engine ranks it: numbers only. Its explanation is explainMatch of the pair's
// facts, the weights and this score, built only for the matches someone reads.
export interface RankedMatch {
  participantId: string;
  projectId: string;
  // In [0, 1], rounded to 6 decimals so equal inputs compare equal everywhere.
  score: number;
}

export interface Match extends RankedMatch {
  weightsVersion: string;
  factors: ExplainedFactor[];
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// The weighted mean of the factor values, in FACTORS order, rounded like every score. Indexes
// call it with upper bounds of some values: each step (w·v, +, /, round6) is monotone in v for
// w >= 0, so the result is an upper bound of the exact score, bit for bit comparable with it.
// The weights are read once, so the indexes' hot loops hold one; every score goes through it.
export class FactorCombiner {
  private readonly skills: number;
  private readonly theme: number;
  private readonly availability: number;
  private readonly distance: number;
  private readonly goal: number;
  private readonly tie: number;
  private readonly fairness: number;
  // The sum of the weights, which the weighted sum is divided by.
  readonly total: number;

  constructor(weights: MatchingWeights) {
    const w = weights.weights;
    this.skills = w.skills;
    this.theme = w.theme;
    this.availability = w.availability;
    this.distance = w.distance;
    this.goal = w.goal;
    this.tie = w.tie;
    this.fairness = w.fairness;
    let total = 0;
    total += w.skills;
    total += w.theme;
    total += w.availability;
    total += w.distance;
    total += w.goal;
    total += w.tie;
    total += w.fairness;
    this.total = total;
  }

  combine(
    skills: number,
    theme: number,
    availability: number,
    distance: number,
    goal: number,
    tie: number,
    fairness: number,
  ): number {
    let sum = 0;
    sum += this.skills * skills;
    sum += this.theme * theme;
    sum += this.availability * availability;
    sum += this.distance * distance;
    sum += this.goal * goal;
    sum += this.tie * tie;
    sum += this.fairness * fairness;
    return round6(sum / this.total);
  }
}

// Scoring runs with one set of weights at a time, so the last combiner is kept rather than one
// built per pair.
let lastWeights: MatchingWeights['weights'] | undefined;
let lastCombiner: FactorCombiner | undefined;

// FactorCombiner's arithmetic for callers holding only the weights.
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
  if (lastCombiner === undefined || lastWeights !== weights.weights) {
    lastCombiner = new FactorCombiner(weights);
    lastWeights = weights.weights;
  }
  return lastCombiner.combine(skills, theme, availability, distance, goal, tie, fairness);
}

// Home to project when some filter or factor needs it: remote projects never do.
function pairKm(participant: ParticipantFacts, project: ProjectFacts): number | null {
  return participant.home && project.mode !== 'REMOTE'
    ? distanceKm(participant.home, project.location)
    : null;
}

// A pair's factor values as pairFactorValues writes them: the seven values in FACTORS order, then
// the km from home (NO_KM when not worked out).
export const FACTOR_SLOTS = 8;
const NO_KM = -1;

// Writes the pair's factor values from `offset` and returns true, or returns false when a hard
// filter excludes the pair: the one numeric path behind pairScore, scorePair, topProjects,
// topCandidates and the indexes. Cheapest filters first; the km only when something needs it.
export function pairFactorValues(
  participant: ParticipantFacts,
  project: ProjectFacts,
  out: Float64Array,
  offset = 0,
): boolean {
  if (
    !kindEligible(participant, project) ||
    !mustHaveSkillsMet(participant, project) ||
    !modeAllowed(participant, project) ||
    !periodsOverlap(participant, project)
  ) {
    return false;
  }
  const km = pairKm(participant, project);
  if (!withinTravelRange(participant, project, km)) return false;
  out[offset] = skillsValue(participant, project);
  out[offset + 1] = themeValue(participant, project.themeCode);
  out[offset + 2] = availabilityValue(participant, project.hoursPerWeek);
  out[offset + 3] = distanceValue(project.mode, km);
  out[offset + 4] = goalValue(participant, project);
  out[offset + 5] = tieValue(participant, project.regionOrganizationId);
  out[offset + 6] = fairnessValue(project.candidateCount);
  out[offset + 7] = km ?? NO_KM;
  return true;
}

// The score of values pairFactorValues wrote.
export function scoreOfValues(weights: MatchingWeights, values: Float64Array, offset = 0): number {
  return combineFactorValues(
    weights,
    values[offset],
    values[offset + 1],
    values[offset + 2],
    values[offset + 3],
    values[offset + 4],
    values[offset + 5],
    values[offset + 6],
  );
}

const scratch = new Float64Array(FACTOR_SLOTS);

// The score of a pair without its explanation, or null when a hard filter excludes it.
export function pairScore(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
): number | null {
  return pairFactorValues(participant, project, scratch) ? scoreOfValues(weights, scratch) : null;
}

// The score of a possible pair with its explanation, or null when a hard filter excludes it.
export function scorePair(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
): Match | null {
  if (!pairFactorValues(participant, project, scratch)) return null;
  return explainValues(participant, project, weights, scoreOfValues(weights, scratch), scratch);
}

// The Match of a pair already scored (pairScore not null): the same factors, weights and reasons
// as scorePair, from the facts, the weights and the score alone. A pure function, so an
// explanation can be built whenever a ranked match is read and is always the same.
export function explainMatch(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
  score: number,
): Match {
  if (!pairFactorValues(participant, project, scratch)) {
    throw new RangeError(`${participant.id} and ${project.id} are not a possible pair`);
  }
  return explainValues(participant, project, weights, score, scratch);
}

// A Match from the values pairFactorValues wrote for the pair and their score: each value with
// its weight and reason, in FACTORS order.
export function explainValues(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
  score: number,
  values: Float64Array,
  offset = 0,
): Match {
  const w = weights.weights;
  const km = values[offset + 7] === NO_KM ? null : values[offset + 7];
  return {
    participantId: participant.id,
    projectId: project.id,
    score,
    weightsVersion: weights.version,
    factors: [
      explained('skills', values[offset], skillsReason(participant, project), w.skills),
      explained('theme', values[offset + 1], themeReason(participant, project.themeCode), w.theme),
      explained(
        'availability',
        values[offset + 2],
        availabilityReason(participant, project.hoursPerWeek),
        w.availability,
      ),
      explained('distance', values[offset + 3], distanceReason(project.mode, km), w.distance),
      explained('goal', values[offset + 4], goalReason(participant, project), w.goal),
      explained(
        'tie',
        values[offset + 5],
        tieReason(participant, project.regionOrganizationId),
        w.tie,
      ),
      explained('fairness', values[offset + 6], fairnessReason(project.candidateCount), w.fairness),
    ],
  };
}

function explained(
  factor: FactorName,
  value: number,
  reason: Reason,
  weight: number,
): ExplainedFactor {
  return { factor, value: round6(value), reason, weight };
}

// Best first; equal scores by project id, then participant id, so the order is deterministic.
export function compareMatches(a: RankedMatch, b: RankedMatch): number {
  if (b.score !== a.score) return b.score - a.score;
  if (a.projectId !== b.projectId) return a.projectId < b.projectId ? -1 : 1;
  return a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;
}

// A participant's top-k projects by exhaustive scoring, numbers only (the reference the indexed
// engine must equal): every project through pairScore.
export function rankProjects(
  participant: ParticipantFacts,
  projects: readonly ProjectFacts[],
  weights: MatchingWeights,
  k: number,
): RankedMatch[] {
  const top = new TopK(k);
  for (let i = 0; i < projects.length; i++) {
    const score = pairScore(participant, projects[i], weights);
    if (score !== null) top.offer(score, projects[i].id, i);
  }
  const scores = top.itemScores();
  return top.items().map((i, j) => ({
    participantId: participant.id,
    projectId: projects[i].id,
    score: scores[j],
  }));
}

// rankProjects with every match explained.
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
  const scores = top.itemScores();
  return top.items().map((i, j) => explainMatch(participant, projects[i], weights, scores[j]));
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
  const scores = top.itemScores();
  return top.items().map((i, j) => explainMatch(participants[i], project, weights, scores[j]));
}
