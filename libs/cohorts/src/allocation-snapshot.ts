import { groupBy } from '@tsunagu/core';
import {
  type AllocationChoice,
  type AllocationInstance,
  type AllocationMode,
  type AllocationResult,
  allocateOptimal,
  allocateStable,
  type BlockingPair,
  findBlockingPairs,
  formTeam,
  type HardFilterReason,
  type MatchingWeights,
  type ParticipantFacts,
  type ProjectFacts,
  type TeamSkillRequirement,
} from '@tsunagu/matching';
import { cohortExclusion, cohortPairScore } from './cohort-scoring';

// What an allocation was computed from, stored with it: adjusting a proposal recomputes blocking
// pairs and teams against the same preferences, scores and skills, whatever changed since.
export interface SnapshotParticipant {
  id: string;
  // Skill id → level, for the team cover.
  skills: Record<string, number>;
  // Ranked projects, best first, with the engine's score for the pair.
  choices: AllocationChoice[];
}

export interface SnapshotProject {
  id: string;
  capacity: number;
  open: boolean;
  mustSkills: TeamSkillRequirement[];
}

export interface CohortSnapshot {
  weightsVersion: string;
  participants: SnapshotParticipant[];
  projects: SnapshotProject[];
}

export interface ProposedAssignment {
  participantId: string;
  projectId: string;
  score: number;
  rank: number;
  // Set by the intermediary rather than the algorithm.
  adjusted: boolean;
}

export interface TeamRecord {
  projectId: string;
  // One entry per covered must-have skill, in requirement order.
  coveredBy: Array<{ skillId: string; participantId: string }>;
  // Must-have skill ids nobody in the team covers.
  uncovered: string[];
}

export interface ProposalEvaluation {
  totalScore: number;
  blockingPairs: BlockingPair[];
  teams: TeamRecord[];
}

export interface SnapshotSources {
  weights: MatchingWeights;
  memberIds: readonly string[];
  projects: ReadonlyArray<{ id: string; capacity: number; open: boolean }>;
  rankings: ReadonlyArray<{ participantId: string; projectId: string; rank: number }>;
  participantFacts: ReadonlyMap<string, ParticipantFacts>;
  // Published projects only: a closed project has none and is reported by the validation.
  projectFacts: ReadonlyMap<string, ProjectFacts>;
}

export interface ExcludedPair {
  participantId: string;
  projectId: string;
  reason: HardFilterReason;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Scores every ranked pair with the engine. Pairs a hard filter excludes are returned (with a
// placeholder score of 0) for the caller to refuse the whole run: they were possible when ranked,
// so the participant's profile or the project changed since.
export function buildSnapshot(sources: SnapshotSources): {
  snapshot: CohortSnapshot;
  excluded: ExcludedPair[];
} {
  const excluded: ExcludedPair[] = [];
  const open = new Map(sources.projects.map((p) => [p.id, p.open]));
  const rankingsOf = groupBy(sources.rankings, (r) => r.participantId);

  const participants = [...new Set(sources.memberIds)].sort().map((id): SnapshotParticipant => {
    const facts = sources.participantFacts.get(id);
    const ranked = [...(rankingsOf.get(id) ?? [])].sort((a, b) => a.rank - b.rank);
    const choices = ranked.map(({ projectId }): AllocationChoice => {
      const project = sources.projectFacts.get(projectId);
      if (!facts || !project || !open.get(projectId)) return { projectId, score: 0 };
      const score = cohortPairScore(facts, project, sources.weights);
      if (score === null) {
        excluded.push({ participantId: id, projectId, reason: cohortExclusion(facts, project)! });
        return { projectId, score: 0 };
      }
      return { projectId, score };
    });
    return { id, skills: Object.fromEntries(facts?.skills ?? []), choices };
  });

  const projects = [...sources.projects].sort(byId).map((p): SnapshotProject => ({
    id: p.id,
    capacity: p.capacity,
    open: p.open,
    mustSkills: (sources.projectFacts.get(p.id)?.skills ?? [])
      .filter((s) => s.must)
      .map((s) => ({ skillId: s.skillId, minLevel: s.minLevel })),
  }));

  return {
    snapshot: { weightsVersion: sources.weights.version, participants, projects },
    excluded,
  };
}

export function toAllocationInstance(snapshot: CohortSnapshot): AllocationInstance {
  return {
    participants: snapshot.participants.map((p) => ({ id: p.id, choices: p.choices })),
    projects: snapshot.projects.map((p) => ({ id: p.id, capacity: p.capacity, open: p.open })),
  };
}

// Throws the allocators' InvalidAllocationInstanceError when the snapshot is not valid.
export function allocate(snapshot: CohortSnapshot, mode: AllocationMode): AllocationResult {
  const instance = toAllocationInstance(snapshot);
  return mode === 'STABLE' ? allocateStable(instance) : allocateOptimal(instance);
}

// Total, blocking pairs and teams of any feasible assignment of the snapshot: the algorithm's
// or one the intermediary adjusted.
export function evaluateProposal(
  snapshot: CohortSnapshot,
  assignments: readonly ProposedAssignment[],
): ProposalEvaluation {
  const blockingPairs = findBlockingPairs(toAllocationInstance(snapshot), assignments);
  // Sums in micro-units, like the allocators, so equal proposals have equal totals.
  const totalMicro = assignments.reduce((sum, a) => sum + Math.round(a.score * 1e6), 0);
  const skillsOf = new Map(snapshot.participants.map((p) => [p.id, p.skills]));
  const teams = snapshot.projects.map((project): TeamRecord => {
    const members = assignments
      .filter((a) => a.projectId === project.id)
      .map((a) => ({
        participantId: a.participantId,
        skills: new Map(Object.entries(skillsOf.get(a.participantId) ?? {})),
      }));
    const cover = formTeam(project.mustSkills, members);
    return { projectId: project.id, coveredBy: cover.coveredBy, uncovered: cover.uncovered };
  });
  return { totalScore: totalMicro / 1e6, blockingPairs, teams };
}

export interface MoveProblem {
  index: number;
  field: 'participantId' | 'projectId';
  message: string;
}

export interface Move {
  participantId: string;
  // Null: leave the participant unassigned.
  projectId: string | null;
}

// Applies the intermediary's moves: only to a project the participant ranked (their ranking is
// their consent), within every project's capacity once all moves are made, so swaps work in one
// request. Problems are per move index; assignments are returned only when there are none.
export function applyMoves(
  snapshot: CohortSnapshot,
  current: readonly ProposedAssignment[],
  moves: readonly Move[],
): { assignments: ProposedAssignment[]; problems: MoveProblem[] } {
  const problems: MoveProblem[] = [];
  const participants = new Map(snapshot.participants.map((p) => [p.id, p]));
  const projects = new Map(snapshot.projects.map((p) => [p.id, p]));
  const next = new Map(current.map((a) => [a.participantId, a]));
  const moved = new Set<string>();
  // Indexes of the moves onto a project that were applied, for the capacity check.
  const placed: number[] = [];

  moves.forEach((move, index) => {
    const participant = participants.get(move.participantId);
    if (!participant) {
      problems.push({
        index,
        field: 'participantId',
        message: 'is not a participant of this allocation',
      });
      return;
    }
    if (moved.has(move.participantId)) {
      problems.push({
        index,
        field: 'participantId',
        message: 'is moved more than once in this request',
      });
      return;
    }
    moved.add(move.participantId);
    if (move.projectId === null) {
      next.delete(move.participantId);
      return;
    }
    const position = participant.choices.findIndex((c) => c.projectId === move.projectId);
    if (position < 0) {
      problems.push({
        index,
        field: 'projectId',
        message: 'the participant did not rank this project',
      });
      return;
    }
    if (!projects.get(move.projectId)?.open) {
      problems.push({ index, field: 'projectId', message: 'the project is closed' });
      return;
    }
    next.set(move.participantId, {
      participantId: move.participantId,
      projectId: move.projectId,
      score: participant.choices[position].score,
      rank: position + 1,
      adjusted: true,
    });
    placed.push(index);
  });

  const taken = new Map<string, number>();
  for (const a of next.values()) taken.set(a.projectId, (taken.get(a.projectId) ?? 0) + 1);
  for (const index of placed) {
    const project = projects.get(moves[index].projectId!)!;
    if (taken.get(project.id)! > project.capacity) {
      problems.push({
        index,
        field: 'projectId',
        message: `the project is full (capacity ${project.capacity})`,
      });
    }
  }
  problems.sort((a, b) => a.index - b.index);

  // In snapshot order, as the allocators list them.
  const assignments = snapshot.participants.flatMap((p) => next.get(p.id) ?? []);
  return { assignments: problems.length ? [] : assignments, problems };
}
