import type { ExplainedFactor, FactorName } from '@tsunagu/matching';

// A factor as stored: [factor, weight, value, reason ja, reason en]. Positional rather than keyed
// JSON halves the size of a stored recommendation (millions of rows at full scale).
export type StoredFactor = [FactorName, number, number, string, string];

export function packFactors(factors: readonly ExplainedFactor[]): StoredFactor[] {
  return factors.map((f) => [f.factor, f.weight, f.value, f.reason.ja, f.reason.en]);
}

export function unpackFactors(stored: readonly StoredFactor[]): ExplainedFactor[] {
  return stored.map(([factor, weight, value, ja, en]) => ({
    factor,
    weight,
    value,
    reason: { ja, en },
  }));
}
