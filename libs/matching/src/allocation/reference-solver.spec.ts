import { bruteForceOptimum, randomInstance } from './allocation-test-instances';
import { solveReferenceOptimum } from './reference-solver';

describe('solveReferenceOptimum', () => {
  it('solves a hand-checked instance', async () => {
    // Best: a->x (0.55) + b->y (0.2); b->x alone is only 0.6.
    const result = await solveReferenceOptimum({
      participants: [
        { id: 'a', choices: [{ projectId: 'x', score: 0.55 }] },
        {
          id: 'b',
          choices: [
            { projectId: 'x', score: 0.6 },
            { projectId: 'y', score: 0.2 },
          ],
        },
      ],
      projects: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
    });
    expect(result).toEqual({ totalScore: 0.75 });
  });

  it('is 0 when nobody ranked anything', async () => {
    const result = await solveReferenceOptimum({
      participants: [{ id: 'a', choices: [] }],
      projects: [{ id: 'x', capacity: 1 }],
    });
    expect(result.totalScore).toBe(0);
  });

  it('agrees with exhaustive search on tiny random instances', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const instance = randomInstance(seed, {
        participants: 6,
        projects: 3,
        maxChoices: 3,
        maxCapacity: 2,
      });
      const { totalScore } = await solveReferenceOptimum(instance);
      expect(Math.round(totalScore * 1e6)).toBe(bruteForceOptimum(instance).totalMicro);
    }
  });

  it('rejects an invalid instance', async () => {
    await expect(
      solveReferenceOptimum({ participants: [], projects: [{ id: 'x', capacity: 1 }] }),
    ).rejects.toThrow(RangeError);
  });
});
