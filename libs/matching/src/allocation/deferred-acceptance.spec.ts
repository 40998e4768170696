import {
  feasibilityProblems,
  randomInstance,
  type RandomInstanceOptions,
  shuffled,
  allocationInstance,
  pairs,
} from './allocation-test-instances';
import { findBlockingPairs } from './blocking-pairs';
import { allocateStable } from './deferred-acceptance';

describe('allocateStable', () => {
  it('lets the project keep its higher-scored proposer, even when that lowers the total', () => {
    // x prefers b (0.6) over a (0.55); b never needs y, so a is left out.
    const instance = allocationInstance({ a: { x: 0.55 }, b: { x: 0.6, y: 0.2 } }, { x: 1, y: 1 });
    expect(allocateStable(instance)).toEqual({
      mode: 'STABLE',
      assignments: [{ participantId: 'b', projectId: 'x', score: 0.6, rank: 1 }],
      unassigned: ['a'],
      totalScore: 0.6,
    });
  });

  it('fills capacity with the best-scored proposers and sends the rest down their lists', () => {
    const instance = allocationInstance(
      { p3: { x: 0.7, y: 0.6 }, p1: { x: 0.9, y: 0.3 }, p2: { x: 0.8, y: 0.7 }, p4: { y: 0.65 } },
      { x: 2, y: 1 },
    );
    const result = allocateStable(instance);
    // x keeps p1 and p2; p3 falls to y, where p4 (0.65) outranks it (0.6).
    expect(pairs(result)).toEqual(['p1->x', 'p2->x', 'p4->y']);
    expect(result.unassigned).toEqual(['p3']);
    expect(result.totalScore).toBe(2.35);
    expect(result.assignments.map((a) => a.participantId)).toEqual(['p1', 'p2', 'p4']);
  });

  it('breaks equal scores by participant id ascending, whatever the input order', () => {
    const instance = allocationInstance({ c: { x: 0.5 }, a: { x: 0.5 }, b: { x: 0.5 } }, { x: 2 });
    expect(pairs(allocateStable(instance))).toEqual(['a->x', 'b->x']);
    expect(allocateStable(instance).unassigned).toEqual(['c']);
  });

  it('leaves participants without choices unassigned', () => {
    const result = allocateStable({
      participants: [{ id: 'a', choices: [] }],
      projects: [{ id: 'x', capacity: 1 }],
    });
    expect(result).toMatchObject({ assignments: [], unassigned: ['a'], totalScore: 0 });
  });

  const shapes: Array<[string, RandomInstanceOptions]> = [
    ['tiny, crowded', { participants: 8, projects: 3, maxChoices: 3, maxCapacity: 2 }],
    [
      'small, many ties',
      { participants: 60, projects: 12, maxChoices: 5, maxCapacity: 3, scoreLevels: [0, 0.5, 1] },
    ],
    ['medium', { participants: 400, projects: 80, maxChoices: 10, maxCapacity: 6 }],
    ['seats to spare', { participants: 100, projects: 60, maxChoices: 4, maxCapacity: 5 }],
  ];
  it.each(shapes)('is feasible and has no blocking pair on random instances (%s)', (_, shape) => {
    for (let seed = 1; seed <= 20; seed++) {
      const instance = randomInstance(seed, shape);
      const result = allocateStable(instance);
      expect(feasibilityProblems(instance, result)).toEqual([]);
      expect(findBlockingPairs(instance, result.assignments)).toEqual([]);
    }
  });

  it('gives the same allocation for the same cohort in any input order', () => {
    const shape = {
      participants: 200,
      projects: 30,
      maxChoices: 6,
      maxCapacity: 4,
      scoreLevels: [0.25, 0.5, 0.75],
    };
    for (let seed = 1; seed <= 5; seed++) {
      const instance = randomInstance(seed, shape);
      expect(pairs(allocateStable(shuffled(instance, seed)))).toEqual(
        pairs(allocateStable(instance)),
      );
    }
  });

  it('allocates 5,000 participants across 1,000 projects with no blocking pair', () => {
    const instance = randomInstance(7, {
      participants: 5000,
      projects: 1000,
      maxChoices: 10,
      fixedChoices: true,
      maxCapacity: 8,
    });
    // Timing is the benchmark's job (npm run bench:matching); here only the result counts.
    const result = allocateStable(instance);
    expect(findBlockingPairs(instance, result.assignments)).toEqual([]);
  });
});
