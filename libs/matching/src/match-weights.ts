export const FACTORS = [
  'skills',
  'theme',
  'availability',
  'distance',
  'goal',
  'tie',
  'fairness',
] as const;
export type FactorName = (typeof FACTORS)[number];

// How much each factor counts. Configurable per intermediary program; scores record `version`.
export interface MatchingWeights {
  version: string;
  weights: Readonly<Record<FactorName, number>>;
}

export const DEFAULT_WEIGHTS: MatchingWeights = {
  version: 'default-1',
  weights: {
    skills: 0.35,
    theme: 0.15,
    availability: 0.1,
    distance: 0.1,
    goal: 0.1,
    tie: 0.1,
    fairness: 0.1,
  },
};

// One problem with a set of weights: about one factor, or (no factor) about the set as a whole.
export interface WeightProblem {
  factor?: string;
  message: string;
}

// What is wrong with one factor's weight, or undefined when nothing is.
export function weightProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (value < 0 || value > 1) return 'must be between 0 and 1';
  return undefined;
}

// Problems with a set of weights; empty when valid.
export function validateWeights(weights: Record<string, unknown>): WeightProblem[] {
  const problems: WeightProblem[] = [];
  for (const factor of Object.keys(weights)) {
    if (!(FACTORS as readonly string[]).includes(factor))
      problems.push({ factor, message: 'unknown factor' });
  }
  let total = 0;
  for (const factor of FACTORS) {
    const value = weights[factor];
    const problem = weightProblem(value);
    if (problem) problems.push({ factor, message: problem });
    else total += value as number;
  }
  if (problems.length === 0 && total <= 0)
    problems.push({ message: 'at least one weight must be above 0' });
  return problems;
}

export function describeWeightProblem({ factor, message }: WeightProblem): string {
  return factor === undefined ? message : `${factor}: ${message}`;
}
