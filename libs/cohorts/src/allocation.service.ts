import { Injectable } from '@nestjs/common';
import { AppError, FieldProblem, groupBy, OutboxService, ConflictReason } from '@tsunagu/core';
import { Engagement, ApplyingService } from '@tsunagu/engagements';
import { Actor, User } from '@tsunagu/identity';
import { type AllocationInstance, validateAllocationInstance } from '@tsunagu/matching';
import {
  notTakingApplications,
  Project,
  ProjectService,
  ProjectSkill,
  ProjectStatus,
} from '@tsunagu/projects';
import { DataSource, EntityManager, In } from 'typeorm';
import { describeInstanceProblems, type ProblemNames, summarise } from './allocation-problems';
import {
  applyMoves,
  evaluateProposal,
  type Move,
  type ProposedAssignment,
} from './allocation-snapshot';
import { AllocationAssignment } from './allocation-assignment.entity';
import { Allocation, AllocationModeValue, AllocationStatus } from './allocation.entity';
import { loadCohortRows, lockAllocation } from './cohort-rows';
import { CohortProject } from './cohort-project.entity';
import { assertOpen, CohortService, type ParticipantEntry } from './cohort.service';
import { Cohort, CohortStatus } from './cohort.entity';

// An allocation with what showing it needs: its assignments, the projects and participants of
// its snapshot, and the required skills its teams refer to.
export interface AllocationView {
  allocation: Allocation;
  assignments: AllocationAssignment[];
  projects: Map<string, Project>;
  participants: Map<string, ParticipantEntry>;
  requiredSkills: Map<string, ProjectSkill[]>;
}

@Injectable()
export class AllocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cohorts: CohortService,
    private readonly projects: ProjectService,
    private readonly applications: ApplyingService,
    private readonly outbox: OutboxService,
  ) {}

  // Queues a run for the worker. What is already wrong (no members, no projects, a ranked project
  // closed since) is refused here with the same checks the worker makes; the worker still checks
  // again, as things can change before it runs.
  async request(
    actor: Actor,
    cohortId: string,
    mode: AllocationModeValue,
  ): Promise<AllocationView> {
    const allocationId = await this.dataSource.transaction(async (m) => {
      const cohort = await this.cohorts.staffCohort(m, actor, cohortId, 'share');
      assertOpen(cohort);
      const { instance, names } = await this.preflightInstance(m, cohortId);
      const problems = describeInstanceProblems(
        instance,
        validateAllocationInstance(instance),
        names,
      );
      if (problems.length) {
        throw AppError.badInput(
          `The allocation cannot run: ${summarise(problems)}`,
          problems.map((p) => ({ path: ['cohortId'], message: p.message })),
        );
      }
      const inserted = await m.insert(Allocation, {
        cohortId,
        mode,
        status: AllocationStatus.QUEUED,
        requestedById: actor.userId,
      });
      const allocationId = (inserted.identifiers[0] as { id: string }).id;
      await this.outbox.add(
        m,
        'cohort.allocate',
        { allocationId },
        `cohort-allocate.${allocationId}`,
      );
      return allocationId;
    });
    return this.get(actor, allocationId);
  }

  // For the intermediary's staff.
  async get(actor: Actor, allocationId: string): Promise<AllocationView> {
    const allocation = await this.dataSource
      .getRepository(Allocation)
      .findOneBy({ id: allocationId });
    if (!allocation) throw AppError.notFound('Allocation', allocationId);
    await this.cohorts.staffCohort(this.dataSource.manager, actor, allocation.cohortId);
    return this.viewOf(actor, allocation);
  }

  // Moves participants between the projects they ranked (or out) before confirmation, within
  // capacity; the total, blocking pairs and teams are recomputed against the run's snapshot.
  async adjust(actor: Actor, allocationId: string, moves: Move[]): Promise<AllocationView> {
    await this.dataSource.transaction(async (m) => {
      const cohortId = await this.cohortIdOf(m, allocationId);
      const cohort = await this.cohorts.staffCohort(m, actor, cohortId, 'share');
      const allocation = await this.lock(m, allocationId);
      assertProposed(allocation);
      assertOpen(cohort);
      const current = await m
        .getRepository(AllocationAssignment)
        .findBy({ allocationId: allocation.id });
      const { assignments, problems } = applyMoves(allocation.snapshot!, current, moves);
      if (problems.length) {
        throw AppError.invalidFields(
          problems.map(({ index, field, message }): FieldProblem => ({
            path: ['input', 'moves', String(index), field],
            message,
          })),
        );
      }
      const evaluation = evaluateProposal(allocation.snapshot!, assignments);
      await m.delete(AllocationAssignment, { allocationId: allocation.id });
      await this.insertAssignments(m, allocation.id, assignments);
      await m.update(
        Allocation,
        { id: allocation.id },
        {
          totalScore: evaluation.totalScore,
          blockingPairCount: evaluation.blockingPairs.length,
          blockingPairs: evaluation.blockingPairs,
          teams: evaluation.teams,
        },
      );
    });
    return this.get(actor, allocationId);
  }

  // Once per cohort: an application per assignment (skipping anyone who already applied to
  // their project), all in one transaction. The cohort's row lock makes a concurrent confirm,
  // of this or another allocation of the cohort, wait and then find it CONFIRMED.
  async confirm(actor: Actor, allocationId: string): Promise<AllocationView> {
    await this.dataSource.transaction(async (m) => {
      const cohortId = await this.cohortIdOf(m, allocationId);
      const cohort = await this.cohorts.staffCohort(m, actor, cohortId, 'update');
      const allocation = await this.lock(m, allocationId);
      if (cohort.status === CohortStatus.CONFIRMED) {
        throw AppError.conflict(
          ConflictReason.ALREADY_DONE,
          'This cohort has already confirmed an allocation',
        );
      }
      assertProposed(allocation);
      const assignments = await m
        .getRepository(AllocationAssignment)
        .findBy({ allocationId: allocation.id });
      const projectIds = [...new Set(assignments.map((a) => a.projectId))].sort();
      // Shared locks in id order: no project closes while its applications are being created.
      const projects = new Map(
        (
          await m.getRepository(Project).find({
            where: { id: In(projectIds) },
            order: { id: 'ASC' },
            lock: { mode: 'pessimistic_read' },
          })
        ).map((p) => [p.id, p]),
      );
      const closed = [...projects.values()].filter((p) => notTakingApplications(p));
      if (closed.length) {
        throw AppError.conflict(
          ConflictReason.NOT_TAKING_APPLICATIONS,
          `Not taking applications (closed or paused): ${closed.map((p) => `"${p.title}"`).join(', ')}. ` +
            'Move their participants elsewhere or unassign them, then confirm',
        );
      }
      const existing = assignments.length
        ? await m.getRepository(Engagement).find({
            where: assignments.map((a) => ({
              projectId: a.projectId,
              participantId: a.participantId,
            })),
            select: { id: true, projectId: true, participantId: true },
          })
        : [];
      // Seats may have shrunk since the proposal (a project's cohort capacity was lowered).
      const seats = new Map(
        (await m.getRepository(CohortProject).findBy({ cohortId: cohort.id })).map((cp) => [
          cp.projectId,
          cp.capacity,
        ]),
      );
      const over = projectIds.filter(
        (id) => assignments.filter((a) => a.projectId === id).length > (seats.get(id) ?? 0),
      );
      if (over.length) {
        throw AppError.conflict(
          ConflictReason.PROJECT_FULL,
          `More participants than seats: ${over.map((id) => `"${projects.get(id)!.title}"`).join(', ')}. ` +
            'Adjust the allocation, then confirm',
        );
      }
      // The project's own capacity may have shrunk below the cohort's seats since (a project sent
      // back to DRAFT and edited): those already holding a seat there keep it, the rest must fit.
      const full = await this.projectsWithoutRoom(m, assignments);
      if (full.length) {
        throw AppError.conflict(
          ConflictReason.PROJECT_FULL,
          `More participants than free places: ${full.map((id) => `"${projects.get(id)!.title}"`).join(', ')}. ` +
            'Adjust the allocation, then confirm',
        );
      }
      const key = (a: { projectId: string; participantId: string }) =>
        `${a.projectId}/${a.participantId}`;
      const existingId = new Map(existing.map((a) => [key(a), a.id]));
      const motivation = `コホート「${cohort.name}」の割り当てで確定 (confirmed in cohort "${cohort.name}")`;
      const fresh = assignments.filter((a) => !existingId.has(key(a)));
      const created = await this.submit(m, fresh, motivation);
      fresh.forEach((a, i) => existingId.set(key(a), created[i]));
      for (const assignment of assignments) {
        await m.update(
          AllocationAssignment,
          { allocationId: allocation.id, participantId: assignment.participantId },
          { engagementId: existingId.get(key(assignment)) },
        );
      }
      const now = new Date();
      await m.update(
        Allocation,
        { id: allocation.id },
        { status: AllocationStatus.CONFIRMED, confirmedAt: now, confirmedById: actor.userId },
      );
      await m.update(Cohort, { id: cohort.id }, { status: CohortStatus.CONFIRMED });
    });
    return this.get(actor, allocationId);
  }

  async insertAssignments(
    m: EntityManager,
    allocationId: string,
    assignments: readonly ProposedAssignment[],
  ): Promise<void> {
    if (assignments.length === 0) return;
    await m.insert(
      AllocationAssignment,
      assignments.map((a) => ({
        allocationId,
        participantId: a.participantId,
        projectId: a.projectId,
        score: a.score,
        rank: a.rank,
        adjusted: a.adjusted,
      })),
    );
  }

  // The cohort as the worker will see it, without scores (the engine runs only in the worker):
  // enough to catch what is wrong before queueing.
  private async preflightInstance(
    m: EntityManager,
    cohortId: string,
  ): Promise<{ instance: AllocationInstance; names: ProblemNames }> {
    const { members, cohortProjects, rankings } = await loadCohortRows(m, cohortId);
    const instance: AllocationInstance = {
      participants: members.map((mm) => ({
        id: mm.participantId,
        choices: rankings
          .filter((r) => r.participantId === mm.participantId)
          .map((r) => ({ projectId: r.projectId, score: 0 })),
      })),
      projects: cohortProjects.map((cp) => ({
        id: cp.projectId,
        capacity: cp.capacity,
        open: cp.project!.status === ProjectStatus.PUBLISHED,
      })),
    };
    return {
      instance,
      names: await this.names(
        m,
        members.map((mm) => mm.participantId),
        cohortProjects.map((cp) => cp.project!),
      ),
    };
  }

  async names(
    m: EntityManager,
    participantIds: readonly string[],
    projects: readonly Project[],
  ): Promise<ProblemNames> {
    const users = participantIds.length
      ? await m
          .getRepository(User)
          .find({ where: { id: In([...participantIds]) }, select: { id: true, displayName: true } })
      : [];
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const title = new Map(projects.map((p) => [p.id, p.title]));
    return {
      participant: (id) => userName.get(id) ?? id,
      project: (id) => title.get(id) ?? id,
    };
  }

  private async submit(
    m: EntityManager,
    assignments: readonly AllocationAssignment[],
    motivation: string,
  ): Promise<string[]> {
    try {
      return await this.applications.submitWithin(
        m,
        assignments.map((a) => ({
          projectId: a.projectId,
          participantId: a.participantId,
          motivation,
        })),
      );
    } catch (error) {
      // A participant applied on their own between the check above and this insert.
      if (error instanceof AppError && error.reason === ConflictReason.ALREADY_APPLIED) {
        throw AppError.conflict(
          ConflictReason.ALREADY_APPLIED,
          'A participant applied on their own while the allocation was being confirmed: confirm again',
        );
      }
      throw error;
    }
  }

  // Projects whose capacity, less the seats held by people not assigned to them here, is below
  // the number assigned.
  private async projectsWithoutRoom(
    m: EntityManager,
    assignments: readonly AllocationAssignment[],
  ): Promise<string[]> {
    if (assignments.length === 0) return [];
    const rows = await m.query<Array<{ project_id: string }>>(
      `SELECT x.project_id
         FROM (SELECT unnest($1::uuid[]) AS project_id, unnest($2::uuid[]) AS participant_id) x
         JOIN project p ON p.id = x.project_id
        GROUP BY x.project_id, p.capacity
       HAVING count(*) > p.capacity - (
         SELECT count(*) FROM engagement a
          WHERE a.project_id = x.project_id AND engagement_holds_seat(a.status)
            AND a.participant_id <> ALL (array_agg(x.participant_id)))`,
      [assignments.map((a) => a.projectId), assignments.map((a) => a.participantId)],
    );
    return rows.map((r) => r.project_id).sort();
  }

  private async cohortIdOf(m: EntityManager, allocationId: string): Promise<string> {
    const row = await m
      .getRepository(Allocation)
      .findOne({ where: { id: allocationId }, select: { id: true, cohortId: true } });
    if (!row) throw AppError.notFound('Allocation', allocationId);
    return row.cohortId;
  }

  private async lock(m: EntityManager, allocationId: string): Promise<Allocation> {
    const allocation = await lockAllocation(m, allocationId);
    if (!allocation) throw AppError.notFound('Allocation', allocationId);
    return allocation;
  }

  private async viewOf(actor: Actor, allocation: Allocation): Promise<AllocationView> {
    const assignments = await this.dataSource.getRepository(AllocationAssignment).find({
      where: { allocationId: allocation.id },
      order: { projectId: 'ASC', rank: 'ASC', participantId: 'ASC' },
    });
    const snapshot = allocation.snapshot;
    const projectIds = [
      ...new Set([
        ...(snapshot?.projects.map((p) => p.id) ?? []),
        ...assignments.map((a) => a.projectId),
      ]),
    ];
    const participantIds = [
      ...new Set([
        ...(snapshot?.participants.map((p) => p.id) ?? []),
        ...assignments.map((a) => a.participantId),
        ...(allocation.problems ?? []).flatMap((p) => p.participantId ?? []),
      ]),
    ];
    const [projects, participants, skills] = await Promise.all([
      projectIds.length
        ? this.dataSource.getRepository(Project).findBy({ id: In(projectIds) })
        : Promise.resolve([]),
      this.cohorts.participantEntries(actor, participantIds),
      this.projects.requiredSkillsFor(projectIds),
    ]);
    const requiredSkills = groupBy(skills, (s) => s.projectId);
    return {
      allocation,
      assignments,
      projects: new Map(projects.map((p) => [p.id, p])),
      participants,
      requiredSkills,
    };
  }
}

function assertProposed(allocation: Allocation): void {
  if (allocation.status !== AllocationStatus.PROPOSED) {
    throw AppError.conflict(
      ConflictReason.WRONG_STATUS,
      `This allocation is ${allocation.status}: only a PROPOSED allocation can be adjusted or confirmed`,
    );
  }
}
