import { seededRandom } from '../test-facts';
import type {
  AllocationInstance,
  AllocationParticipant,
  AllocationProject,
  AllocationResult,
} from './allocation-types';

export interface RandomInstanceOptions {
  participants: number;
  projects: number;
  // Each participant ranks 0..maxChoices distinct projects (exactly maxChoices if fixedChoices).
  maxChoices: number;
  fixedChoices?: boolean;
  maxCapacity: number;
  // When set, scores are drawn from these few values, which makes ties common.
  scoreLevels?: readonly number[];
}

export function randomInstance(seed: number, options: RandomInstanceOptions): AllocationInstance {
  const rand = seededRandom(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const projects: AllocationProject[] = Array.from({ length: options.projects }, (_, q) => ({
    id: `q${String(q).padStart(5, '0')}`,
    capacity: 1 + int(options.maxCapacity),
  }));
  const participants: AllocationParticipant[] = Array.from(
    { length: options.participants },
    (_, i) => {
      const wanted = Math.min(
        options.projects,
        options.fixedChoices ? options.maxChoices : int(options.maxChoices + 1),
      );
      const picked = new Set<number>();
      while (picked.size < wanted) picked.add(int(options.projects));
      return {
        id: `p${String(i).padStart(6, '0')}`,
        choices: [...picked].map((q) => ({
          projectId: projects[q].id,
          score: options.scoreLevels
            ? options.scoreLevels[int(options.scoreLevels.length)]
            : int(1_000_001) / 1_000_000,
        })),
      };
    },
  );
  return { participants, projects };
}

// Same instance, participants and projects in another order (choices keep their rank order).
export function shuffled(instance: AllocationInstance, seed: number): AllocationInstance {
  const rand = seededRandom(seed);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return { participants: shuffle(instance.participants), projects: shuffle(instance.projects) };
}

// Exhaustive search over every allocation: the best total in micro-units and, among allocations
// with that total, the most participants assigned. Only for tiny instances.
export function bruteForceOptimum(instance: AllocationInstance): {
  totalMicro: number;
  assignedCount: number;
} {
  const seats = new Map(instance.projects.map((p) => [p.id, p.capacity]));
  let best = { totalMicro: -1, assignedCount: -1 };
  const visit = (i: number, totalMicro: number, assignedCount: number) => {
    if (i === instance.participants.length) {
      if (
        totalMicro > best.totalMicro ||
        (totalMicro === best.totalMicro && assignedCount > best.assignedCount)
      ) {
        best = { totalMicro, assignedCount };
      }
      return;
    }
    visit(i + 1, totalMicro, assignedCount);
    for (const choice of instance.participants[i].choices) {
      const left = seats.get(choice.projectId)!;
      if (left === 0) continue;
      seats.set(choice.projectId, left - 1);
      visit(i + 1, totalMicro + Math.round(choice.score * 1e6), assignedCount + 1);
      seats.set(choice.projectId, left);
    }
  };
  visit(0, 0, 0);
  return best;
}

// Problems that make a result infeasible or inconsistent with its instance ([] when fine).
export function feasibilityProblems(
  instance: AllocationInstance,
  result: AllocationResult,
): string[] {
  const problems: string[] = [];
  const capacity = new Map(instance.projects.map((p) => [p.id, p.capacity]));
  const taken = new Map<string, number>();
  const seen = new Set<string>();
  let totalMicro = 0;
  for (const a of result.assignments) {
    const participant = instance.participants.find((p) => p.id === a.participantId);
    const rank = participant?.choices.findIndex((c) => c.projectId === a.projectId) ?? -1;
    if (!participant || rank < 0) problems.push(`${a.participantId} did not rank ${a.projectId}`);
    else {
      if (a.rank !== rank + 1) problems.push(`${a.participantId} has rank ${a.rank}`);
      if (a.score !== participant.choices[rank].score) problems.push(`${a.participantId} score`);
    }
    if (seen.has(a.participantId)) problems.push(`${a.participantId} assigned twice`);
    seen.add(a.participantId);
    taken.set(a.projectId, (taken.get(a.projectId) ?? 0) + 1);
    totalMicro += Math.round(a.score * 1e6);
  }
  for (const [projectId, count] of taken) {
    if (count > capacity.get(projectId)!) problems.push(`${projectId} over capacity`);
  }
  for (const id of result.unassigned) {
    if (seen.has(id)) problems.push(`${id} both assigned and unassigned`);
    seen.add(id);
  }
  if (seen.size !== instance.participants.length) problems.push('participants missing');
  if (result.totalScore !== totalMicro / 1e6) problems.push(`total ${result.totalScore}`);
  return problems;
}

// A small hand-written instance: each participant's choices in rank order (project id → score),
// then each project's capacity.
export function allocationInstance(
  choices: Record<string, Record<string, number>>,
  capacities: Record<string, number>,
): AllocationInstance {
  return {
    participants: Object.entries(choices).map(([id, ranked]) => ({
      id,
      choices: Object.entries(ranked).map(([projectId, score]) => ({ projectId, score })),
    })),
    projects: Object.entries(capacities).map(([id, capacity]) => ({ id, capacity })),
  };
}

// "participant->project" for each assignment, sorted: compact to compare.
export function pairs(result: AllocationResult): string[] {
  return result.assignments.map((a) => `${a.participantId}->${a.projectId}`).sort();
}
