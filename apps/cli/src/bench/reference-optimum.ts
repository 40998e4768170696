import type { AllocationInstance } from '@tsunagu/matching';

// The LP cross-check of allocateOptimal. The solver sits beside the allocators (their specs use it)
// but stays out of @tsunagu/matching's public index, since it needs the dev-only `highs` package;
// so the benchmark loads it by path, on first use only.
export async function referenceOptimum(
  instance: AllocationInstance,
): Promise<{ totalScore: number }> {
  const { solveReferenceOptimum } =
    await import('../../../../libs/matching/src/allocation/reference-solver.js');
  return solveReferenceOptimum(instance);
}
