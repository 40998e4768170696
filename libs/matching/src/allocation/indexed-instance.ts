import type {
  AllocationInstance,
  AllocationMode,
  AllocationResult,
  Assignment,
} from './allocation-types';
import {
  InvalidAllocationInstanceError,
  validateAllocationInstance,
} from './allocation-validation';

// Scores become integer micro-units so that every comparison and sum is exact.
export const MICRO = 1_000_000;

export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// A validated instance in flat typed arrays: participant i's choices are the global choice
// indices choiceStart[i] .. choiceStart[i + 1] - 1, in rank order.
export interface IndexedInstance {
  instance: AllocationInstance;
  participantCount: number;
  projectCount: number;
  // Position of each participant / project when sorted by id. Ties and processing order follow
  // ids, never input order, so shuffling the input does not change who gets what.
  participantIdRank: Int32Array;
  projectIdRank: Int32Array;
  capacity: Int32Array;
  projectIndex: ReadonlyMap<string, number>;
  choiceStart: Int32Array;
  choiceOwner: Int32Array;
  choiceProject: Int32Array;
  choiceMicro: Int32Array;
}

function idRanks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a], ids[b]));
  const rank = new Int32Array(ids.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}

// Validates (throwing InvalidAllocationInstanceError, a RangeError) and indexes the instance.
export function indexInstance(instance: AllocationInstance): IndexedInstance {
  const problems = validateAllocationInstance(instance);
  if (problems.length > 0) throw new InvalidAllocationInstanceError(problems);

  const { participants, projects } = instance;
  const projectIndex = new Map(projects.map((p, q) => [p.id, q]));
  const choiceCount = participants.reduce((sum, p) => sum + p.choices.length, 0);
  const choiceStart = new Int32Array(participants.length + 1);
  const choiceOwner = new Int32Array(choiceCount);
  const choiceProject = new Int32Array(choiceCount);
  const choiceMicro = new Int32Array(choiceCount);
  let k = 0;
  participants.forEach((participant, i) => {
    choiceStart[i] = k;
    for (const choice of participant.choices) {
      choiceOwner[k] = i;
      choiceProject[k] = projectIndex.get(choice.projectId)!;
      choiceMicro[k] = Math.round(choice.score * MICRO);
      k++;
    }
  });
  choiceStart[participants.length] = k;

  return {
    instance,
    participantCount: participants.length,
    projectCount: projects.length,
    participantIdRank: idRanks(participants.map((p) => p.id)),
    projectIdRank: idRanks(projects.map((p) => p.id)),
    capacity: Int32Array.from(projects, (p) => p.capacity),
    projectIndex,
    choiceStart,
    choiceOwner,
    choiceProject,
    choiceMicro,
  };
}

// Whether project-side priority ranks choice a below choice b (both at the same project):
// lower score first, equal scores by participant id descending (ids ascending are preferred).
export function projectPrefersLess(indexed: IndexedInstance, a: number, b: number): boolean {
  const { choiceMicro, participantIdRank, choiceOwner } = indexed;
  if (choiceMicro[a] !== choiceMicro[b]) return choiceMicro[a] < choiceMicro[b];
  return participantIdRank[choiceOwner[a]] > participantIdRank[choiceOwner[b]];
}

// Participant indices sorted by id: the order in which allocators process participants.
export function participantsById(indexed: IndexedInstance): Int32Array {
  const order = new Int32Array(indexed.participantCount);
  indexed.participantIdRank.forEach((rank, i) => (order[rank] = i));
  return order;
}

// assignedChoice[i] is participant i's global choice index, or -1 when unassigned.
export function toAllocationResult(
  mode: AllocationMode,
  indexed: IndexedInstance,
  assignedChoice: Int32Array,
): AllocationResult {
  const { participants, projects } = indexed.instance;
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  let totalMicro = 0;
  participants.forEach((participant, i) => {
    const k = assignedChoice[i];
    if (k < 0) {
      unassigned.push(participant.id);
      return;
    }
    totalMicro += indexed.choiceMicro[k];
    assignments.push({
      participantId: participant.id,
      projectId: projects[indexed.choiceProject[k]].id,
      score: indexed.choiceMicro[k] / MICRO,
      rank: k - indexed.choiceStart[i] + 1,
    });
  });
  return { mode, assignments, unassigned, totalScore: totalMicro / MICRO };
}
