import { toParticipantCard } from '@tsunagu/participants';
import { toProgramType, toProjectType, toRequiredSkillType } from '@tsunagu/projects';
import type { AllocationView } from './allocation.service';
import type { Allocation } from './allocation.entity';
import type { CohortView, ParticipantEntry, RankedProject } from './cohort.service';
import type {
  AllocationSummaryType,
  AllocationType,
  CohortParticipantType,
  CohortType,
  RankedProjectType,
} from './cohort.types';

function toCohortParticipant(entry: ParticipantEntry): CohortParticipantType {
  return {
    participantId: entry.participantId,
    displayName: entry.displayName,
    card: entry.card ? toParticipantCard(entry.card) : null,
  };
}

function toRankedProject(r: RankedProject): RankedProjectType {
  return { rank: r.rank, project: toProjectType(r.project) };
}

function toAllocationSummary(a: Allocation): AllocationSummaryType {
  return {
    id: a.id,
    mode: a.mode,
    status: a.status,
    totalScore: a.totalScore,
    blockingPairs: a.blockingPairCount,
    createdAt: a.createdAt,
  };
}

export function toCohortType(view: CohortView): CohortType {
  const { cohort } = view;
  return {
    id: cohort.id,
    name: cohort.name,
    status: cohort.status,
    program: toProgramType(cohort.program),
    projects: view.projects.map((p) => ({
      project: toProjectType(p.project),
      capacity: p.capacity,
    })),
    members:
      view.members?.map((m) => ({
        participant: toCohortParticipant(m.participant),
        ranking: m.ranking.map(toRankedProject),
      })) ?? null,
    myRanking: view.myRanking.map(toRankedProject),
    allocations: view.allocations?.map(toAllocationSummary) ?? null,
    createdAt: cohort.createdAt,
  };
}

// Projects and participants come from the view's maps; one missing there (deleted since the run)
// is left out rather than shown half-empty.
export function toAllocationType(view: AllocationView): AllocationType {
  const { allocation } = view;
  const participant = (id: string) => {
    const entry = view.participants.get(id);
    return entry ? toCohortParticipant(entry) : null;
  };
  const project = (id: string) => {
    const row = view.projects.get(id);
    return row ? toProjectType(row) : null;
  };
  const skill = (projectId: string, skillId: string) => {
    const row = view.requiredSkills.get(projectId)?.find((s) => s.skillId === skillId);
    return row ? toRequiredSkillType(row) : null;
  };
  const snapshot = allocation.snapshot;
  const assigned = new Set(view.assignments.map((a) => a.participantId));
  const capacity = new Map(snapshot?.projects.map((p) => [p.id, p.capacity]) ?? []);

  return {
    id: allocation.id,
    cohortId: allocation.cohortId,
    mode: allocation.mode,
    status: allocation.status,
    totalScore: allocation.totalScore,
    blockingPairs: allocation.blockingPairCount,
    blockingPairDetails: (allocation.blockingPairs ?? []).flatMap((pair) => {
      const p = participant(pair.participantId);
      const q = project(pair.projectId);
      return p && q ? [{ participant: p, project: q }] : [];
    }),
    assignments: view.assignments.flatMap((a) => {
      const p = participant(a.participantId);
      const q = project(a.projectId);
      return p && q
        ? [
            {
              participant: p,
              project: q,
              score: a.score,
              rank: a.rank,
              adjusted: a.adjusted,
              engagementId: a.engagementId,
              applicationId: a.engagementId,
            },
          ]
        : [];
    }),
    unassigned: (snapshot?.participants ?? [])
      .filter((p) => !assigned.has(p.id))
      .flatMap((p) => participant(p.id) ?? []),
    teams: (allocation.teams ?? []).flatMap((team) => {
      const q = project(team.projectId);
      if (!q) return [];
      return [
        {
          project: q,
          capacity: capacity.get(team.projectId) ?? 0,
          members: view.assignments
            .filter((a) => a.projectId === team.projectId)
            .flatMap((a) => participant(a.participantId) ?? []),
          coveredSkills: team.coveredBy.flatMap((c) => {
            const s = skill(team.projectId, c.skillId);
            return s ? [{ skill: s, participantId: c.participantId }] : [];
          }),
          uncoveredSkills: team.uncovered.flatMap((id) => skill(team.projectId, id) ?? []),
        },
      ];
    }),
    error: allocation.error,
    problems: (allocation.problems ?? []).map((p) => ({
      code: p.code,
      message: p.message,
      participantId: p.participantId,
      projectId: p.projectId,
    })),
    weightsVersion: snapshot?.weightsVersion ?? null,
    createdAt: allocation.createdAt,
    startedAt: allocation.startedAt,
    finishedAt: allocation.finishedAt,
    confirmedAt: allocation.confirmedAt,
  };
}
