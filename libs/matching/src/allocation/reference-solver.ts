import loadHighs, { type Highs } from 'highs';
import type { AllocationInstance } from './allocation-types';
import { indexInstance, MICRO } from './indexed-instance';

// An independent check of allocateOptimal for tests and benchmarks, not for production paths
// (`highs` is a dev dependency, and this module is not exported from the library).
//
// The allocation LP: maximise sum(score * x) over ranked pairs, 0 <= x <= 1, at most one project
// per participant, at most `capacity` participants per project. Its matrix is that of a
// bipartite graph, hence totally unimodular, so the simplex optimum is a 0/1 vertex and the
// LP value equals the best allocation's total.

let highsRuntime: Promise<Highs> | undefined;

export async function solveReferenceOptimum(
  instance: AllocationInstance,
): Promise<{ totalScore: number }> {
  const indexed = indexInstance(instance);
  const { participantCount: n, projectCount: m, choiceStart, choiceProject, choiceMicro } = indexed;
  const columns = choiceStart[n];
  if (columns === 0) return { totalScore: 0 };
  const highs = await (highsRuntime ??= loadHighs());

  // Rows 0..n-1 are participants, n..n+m-1 projects; column k is choice k, in both rows.
  const starts = new Int32Array(columns + 1);
  const rows = new Int32Array(2 * columns);
  for (let k = 0; k < columns; k++) {
    starts[k + 1] = 2 * (k + 1);
    rows[2 * k] = indexed.choiceOwner[k];
    rows[2 * k + 1] = n + choiceProject[k];
  }
  const solution = highs.withModel(
    {
      numCols: columns,
      numRows: n + m,
      sense: highs.constants.objectiveSense.maximize,
      // Micro-units keep score differences (>= 1) far above the solver's tolerances.
      colCost: Float64Array.from(choiceMicro),
      colLower: new Float64Array(columns),
      colUpper: new Float64Array(columns).fill(1),
      rowLower: new Float64Array(n + m).fill(-highs.infinity),
      rowUpper: Float64Array.from({ length: n + m }, (_, r) =>
        r < n ? 1 : indexed.capacity[r - n],
      ),
      matrix: {
        format: 'csc',
        numRows: n + m,
        numCols: columns,
        starts,
        indices: rows,
        values: new Float64Array(2 * columns).fill(1),
      },
    },
    (model) => {
      model.options.set({ output_flag: false, solver: 'simplex' });
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) {
        throw new Error(
          `Reference LP did not solve to optimality (status ${model.getModelStatus()})`,
        );
      }
      return { x: model.getSolution().colValue, objective: model.getObjectiveValue() };
    },
  );

  // Read the 0/1 vertex and sum it exactly; a fractional value would mean a broken solve.
  let totalMicro = 0;
  for (let k = 0; k < columns; k++) {
    const x = solution.x[k];
    if (Math.abs(x - Math.round(x)) > 1e-6) {
      throw new Error(`Reference LP returned a fractional value ${x} for choice ${k}`);
    }
    if (Math.round(x) === 1) totalMicro += choiceMicro[k];
  }
  if (Math.abs(solution.objective - totalMicro) > 0.5) {
    throw new Error('Reference LP objective disagrees with its own solution');
  }
  return { totalScore: totalMicro / MICRO };
}
