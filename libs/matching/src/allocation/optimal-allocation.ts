import type { AllocationInstance, AllocationResult } from './allocation-types';
import { indexInstance, MICRO, participantsById, toAllocationResult } from './indexed-instance';
import { MinCostFlow } from './min-cost-flow';

// Maximum total score subject to capacities, each participant on at most one ranked project.
//
// Network: participant -> ranked project (1 seat, cost -score), participant -> sink directly
// (staying unassigned, cost 0), project -> sink (capacity seats, cost 0). Every participant
// sends one unit, one shortest augmenting path each (the Hungarian method with capacities);
// after each, the allocation is optimal for the participants added so far, so the last one is
// optimal for the whole cohort.
//
// Among allocations with the same total, the one assigning the most participants wins: a
// ranked pair costs -(micro-score * (n + 1) + 1), and n + 1 extra people can never outweigh one
// micro-unit. Participants and projects enter the network in id order and Dijkstra breaks ties
// by node, so the result does not depend on input order.
export function allocateOptimal(instance: AllocationInstance): AllocationResult {
  const indexed = indexInstance(instance);
  const { participantCount: n, projectCount: m, choiceStart, choiceProject, choiceMicro } = indexed;
  const sink = n + m;
  const participantNode = (i: number) => indexed.participantIdRank[i];
  const projectNode = (q: number) => n + indexed.projectIdRank[q];

  // Distances stay below (path length) * (largest edge cost); keep them exact in doubles, or
  // give up the head-count tie-break on a cohort too large for it.
  const countWeight = n + 1;
  const exactWithCount = 4 * (n + m + 2) * (MICRO * countWeight + 1) <= Number.MAX_SAFE_INTEGER;
  const scale = exactWithCount ? countWeight : 1;
  const bonus = exactWithCount ? 1 : 0;

  const flow = new MinCostFlow(n + m + 1);
  const choiceEdge = new Int32Array(choiceStart[n]);
  const byId = participantsById(indexed);
  for (const i of byId) {
    for (let k = choiceStart[i]; k < choiceStart[i + 1]; k++) {
      choiceEdge[k] = flow.addEdge(
        participantNode(i),
        projectNode(choiceProject[k]),
        1,
        -(choiceMicro[k] * scale + bonus),
      );
    }
    flow.addEdge(participantNode(i), sink, 1, 0);
  }
  const projectsById = Array.from(indexed.projectIdRank.keys()).sort(
    (a, b) => indexed.projectIdRank[a] - indexed.projectIdRank[b],
  );
  for (const q of projectsById) flow.addEdge(projectNode(q), sink, indexed.capacity[q], 0);

  // Redundant for this network (a participant's edges are first used from itself, as a source),
  // but cheap, and it is MinCostFlow's contract for negative costs.
  flow.initPotentials();
  for (const i of byId) {
    if (choiceStart[i + 1] > choiceStart[i]) flow.augmentShortestPath(participantNode(i), sink);
  }

  const assignedChoice = new Int32Array(n).fill(-1);
  for (let k = 0; k < choiceEdge.length; k++) {
    if (flow.flow(choiceEdge[k]) > 0) assignedChoice[indexed.choiceOwner[k]] = k;
  }
  return toAllocationResult('OPTIMAL', indexed, assignedChoice);
}
