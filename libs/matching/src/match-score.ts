import { passesHardFilters } from './hard-filters';
import { FACTOR_FUNCTIONS, type FactorValue, pairContext } from './match-factors';
import type { ParticipantFacts, ProjectFacts } from './match-facts';
import type { MatchingWeights } from './match-weights';

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

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

// The score of a possible pair with its explanation, or null when a hard filter excludes it.
export function scorePair(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
): Match | null {
  const pair = pairContext(participant, project);
  if (!passesHardFilters(participant, project, pair.km).pass) return null;
  let sum = 0;
  let total = 0;
  const factors = FACTOR_FUNCTIONS.map((fn) => {
    const f = fn(participant, project, pair);
    const weight = weights.weights[f.factor];
    sum += weight * f.value;
    total += weight;
    return { ...f, value: round6(f.value), weight };
  });
  return {
    participantId: participant.id,
    projectId: project.id,
    score: round6(sum / total),
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

// A participant's top-k projects by exhaustive scoring (the reference the indexed engine must equal).
export function topProjects(
  participant: ParticipantFacts,
  projects: readonly ProjectFacts[],
  weights: MatchingWeights,
  k: number,
): Match[] {
  const matches: Match[] = [];
  for (const project of projects) {
    const match = scorePair(participant, project, weights);
    if (match) matches.push(match);
  }
  return matches.sort(compareMatches).slice(0, k);
}
