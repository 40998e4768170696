import { allocationInstance } from './allocation-test-instances';
import type { AllocationInstance, Assignment } from './allocation-types';
import { findBlockingPairs } from './blocking-pairs';

const instance = allocationInstance({ a: { x: 0.55 }, b: { x: 0.6, y: 0.2 } }, { x: 1, y: 1 });
const assign = (participantId: string, projectId: string, score: number, rank: number) => ({
  participantId,
  projectId,
  score,
  rank,
});

describe('findBlockingPairs', () => {
  it('finds the pair that the higher-total allocation gives up', () => {
    // a->x, b->y totals 0.75, but b ranks x first and x prefers b (0.6) to a (0.55).
    const optimal = [assign('a', 'x', 0.55, 1), assign('b', 'y', 0.2, 2)];
    expect(findBlockingPairs(instance, optimal)).toEqual([{ participantId: 'b', projectId: 'x' }]);
  });

  it('finds no pair in the stable allocation', () => {
    expect(findBlockingPairs(instance, [assign('b', 'x', 0.6, 1)])).toEqual([]);
  });

  it('counts every free seat an unassigned participant ranked', () => {
    expect(findBlockingPairs(instance, [])).toEqual([
      { participantId: 'a', projectId: 'x' },
      { participantId: 'b', projectId: 'x' },
      { participantId: 'b', projectId: 'y' },
    ]);
  });

  it('uses participant id to break equal scores, as allocateStable does', () => {
    const tied: AllocationInstance = {
      participants: ['a', 'b'].map((id) => ({ id, choices: [{ projectId: 'x', score: 0.5 }] })),
      projects: [{ id: 'x', capacity: 1 }],
    };
    expect(findBlockingPairs(tied, [assign('b', 'x', 0.5, 1)])).toEqual([
      { participantId: 'a', projectId: 'x' },
    ]);
    expect(findBlockingPairs(tied, [assign('a', 'x', 0.5, 1)])).toEqual([]);
  });

  it.each<[string, Assignment[]]>([
    ['an unknown participant', [assign('zed', 'x', 0.5, 1)]],
    ['a participant assigned twice', [assign('b', 'x', 0.6, 1), assign('b', 'y', 0.2, 2)]],
    ['an unranked project', [assign('a', 'y', 0.2, 1)]],
    ['an over-full project', [assign('a', 'x', 0.55, 1), assign('b', 'x', 0.6, 1)]],
  ])('rejects assignments with %s', (_, assignments) => {
    expect(() => findBlockingPairs(instance, assignments)).toThrow(RangeError);
  });
});
