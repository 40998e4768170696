import type { AllocationInstance, Assignment, BlockingPair } from './allocation-types';
import { indexInstance, projectPrefersLess } from './indexed-instance';

// Every (participant, project) pair that would rather be together than keep what it has:
// the participant ranked the project above their assignment (or is unassigned), and the project
// has a free seat or holds someone it prefers less (same priority as allocateStable).
// In participant input order, then rank order. Throws a RangeError when `assignments` do not
// describe a feasible allocation of this instance.
export function findBlockingPairs(
  instance: AllocationInstance,
  assignments: readonly Assignment[],
): BlockingPair[] {
  const indexed = indexInstance(instance);
  const { choiceStart, choiceProject, capacity } = indexed;
  const participantIndex = new Map(instance.participants.map((p, i) => [p.id, i]));
  const assignedChoice = new Int32Array(indexed.participantCount).fill(-1);
  const seatsTaken = new Int32Array(indexed.projectCount);
  // Each project's least preferred holder, as a global choice index.
  const worstHeld = new Int32Array(indexed.projectCount).fill(-1);

  for (const assignment of assignments) {
    const i = participantIndex.get(assignment.participantId);
    if (i === undefined) {
      throw new RangeError(`Unknown participant "${assignment.participantId}" in assignments`);
    }
    if (assignedChoice[i] >= 0) {
      throw new RangeError(`Participant "${assignment.participantId}" is assigned twice`);
    }
    const q = indexed.projectIndex.get(assignment.projectId);
    let k = choiceStart[i];
    while (k < choiceStart[i + 1] && choiceProject[k] !== q) k++;
    if (q === undefined || k === choiceStart[i + 1]) {
      throw new RangeError(
        `Participant "${assignment.participantId}" did not rank project "${assignment.projectId}"`,
      );
    }
    if (++seatsTaken[q] > capacity[q]) {
      throw new RangeError(`Project "${assignment.projectId}" is over capacity`);
    }
    assignedChoice[i] = k;
    if (worstHeld[q] < 0 || projectPrefersLess(indexed, k, worstHeld[q])) worstHeld[q] = k;
  }

  const pairs: BlockingPair[] = [];
  instance.participants.forEach((participant, i) => {
    const stop = assignedChoice[i] >= 0 ? assignedChoice[i] : choiceStart[i + 1];
    for (let k = choiceStart[i]; k < stop; k++) {
      const q = choiceProject[k];
      if (seatsTaken[q] < capacity[q] || projectPrefersLess(indexed, worstHeld[q], k)) {
        pairs.push({ participantId: participant.id, projectId: instance.projects[q].id });
      }
    }
  });
  return pairs;
}
