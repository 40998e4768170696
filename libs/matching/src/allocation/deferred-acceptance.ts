import type { AllocationInstance, AllocationResult } from './allocation-types';
import { BinaryHeap } from './binary-heap';
import {
  indexInstance,
  participantsById,
  projectPrefersLess,
  toAllocationResult,
} from './indexed-instance';

// Participant-proposing deferred acceptance with capacities (hospitals/residents).
// The result is the participant-optimal stable allocation, which is unique once project
// priorities are strict, so it does not depend on the order in which proposals are made.
export function allocateStable(instance: AllocationInstance): AllocationResult {
  const indexed = indexInstance(instance);
  const { choiceStart, choiceOwner, choiceProject, capacity } = indexed;
  const assignedChoice = new Int32Array(indexed.participantCount).fill(-1);
  const nextChoice = choiceStart.slice(0, indexed.participantCount);
  // Each project's held proposals (global choice indices) with the least preferred on top.
  const held = new Array<BinaryHeap<number> | undefined>(indexed.projectCount);
  const less = (a: number, b: number) => projectPrefersLess(indexed, a, b);

  const free = Array.from(participantsById(indexed)).reverse();
  for (let i = free.pop(); i !== undefined; i = free.pop()) {
    while (nextChoice[i] < choiceStart[i + 1]) {
      const k = nextChoice[i]++;
      const q = choiceProject[k];
      const heap = (held[q] ??= new BinaryHeap<number>(less));
      if (heap.size < capacity[q]) {
        heap.push(k);
        assignedChoice[i] = k;
        break;
      }
      const worst = heap.peek()!;
      if (less(worst, k)) {
        heap.replaceTop(k);
        assignedChoice[i] = k;
        // The displaced participant goes on to their next choice.
        assignedChoice[choiceOwner[worst]] = -1;
        free.push(choiceOwner[worst]);
        break;
      }
    }
  }
  return toAllocationResult('STABLE', indexed, assignedChoice);
}
