import type { AllocationInstance } from './allocation';

// The LP cross-check of allocateOptimal (allocation/reference-solver), for benchmarks. It needs
// the `highs` dev dependency, so it is loaded on the first call only: code importing this library
// never loads the solver unless it asks for it. (The .js path is what the compiled code loads;
// specs import reference-solver directly.)
export async function referenceOptimum(
  instance: AllocationInstance,
): Promise<{ totalScore: number }> {
  const { solveReferenceOptimum } = await import('./allocation/reference-solver.js');
  return solveReferenceOptimum(instance);
}
