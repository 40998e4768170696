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

// Problems with a set of weights, as messages per factor; empty when valid.
export function validateWeights(weights: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(weights)) {
    if (!(FACTORS as readonly string[]).includes(name)) problems.push(`${name}: unknown factor`);
  }
  let total = 0;
  for (const name of FACTORS) {
    const value = weights[name];
    if (typeof value !== 'number' || !Number.isFinite(value))
      problems.push(`${name}: must be a number`);
    else if (value < 0 || value > 1) problems.push(`${name}: must be between 0 and 1`);
    else total += value;
  }
  if (problems.length === 0 && total <= 0) problems.push('at least one weight must be above 0');
  return problems;
}
