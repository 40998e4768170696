import { Injectable, Logger } from '@nestjs/common';
import { DomainEventPublisher, JOBS } from '@tsunagu/core';
import { validateAllocationInstance } from '@tsunagu/matching';
import { ProjectStatus } from '@tsunagu/projects';
import { currentWeights, MatchingFactsLoader } from '@tsunagu/scoring';
import { DataSource, EntityManager } from 'typeorm';
import {
  type CohortProblem,
  describeExclusions,
  describeInstanceProblems,
  summarise,
} from './allocation-problems';
import {
  allocate,
  buildSnapshot,
  type CohortSnapshot,
  evaluateProposal,
  type ProposalEvaluation,
  type ProposedAssignment,
  toAllocationInstance,
} from './allocation-snapshot';
import { Allocation, AllocationModeValue, AllocationStatus } from './allocation.entity';
import { AllocationService } from './allocation.service';
import { loadCohortRows, lockAllocation, lockCohort } from './cohort-rows';
import { ALLOCATION_READY } from './cohort-events';
import { Cohort, CohortStatus } from './cohort.entity';

type Outcome =
  | { problems: CohortProblem[] }
  | {
      snapshot: CohortSnapshot;
      assignments: ProposedAssignment[];
      evaluation: ProposalEvaluation;
    };

export type RunOutcome = 'proposed' | 'failed' | 'skipped';

const COHORT_CONFIRMED: CohortProblem = {
  code: 'COHORT_CONFIRMED',
  message: 'The cohort confirmed another allocation before this one was computed',
  participantId: null,
  projectId: null,
};

// The worker side of an allocation (job `cohort.allocate`): scores every ranked pair with the
// matching engine and the program's current weights, validates, allocates, and stores the
// proposal with its blocking pairs and teams. Input problems make the allocation FAILED; any
// other error is thrown for BullMQ to retry, and the last attempt marks it FAILED too.
@Injectable()
export class AllocationRunner {
  private readonly logger = new Logger(AllocationRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: MatchingFactsLoader,
    private readonly allocations: AllocationService,
    private readonly events: DomainEventPublisher,
  ) {}

  // 'skipped' when the allocation is gone or already finished: a retried or repeated job.
  async run(allocationId: string): Promise<RunOutcome> {
    const started = await this.start(allocationId);
    if (!started) return 'skipped';
    try {
      return await this.finish(started, await this.compute(started));
    } catch (error) {
      if (started.attempts >= JOBS['cohort.allocate'].attempts) {
        this.logger.error(`allocation ${allocationId} failed for good: ${(error as Error).stack}`);
        const internal: CohortProblem = {
          code: 'INTERNAL_ERROR',
          message: 'The allocation could not be computed: run it again, or report it if it recurs',
          participantId: null,
          projectId: null,
        };
        await this.finish(started, { problems: [internal] });
      }
      throw error;
    }
  }

  private async start(allocationId: string): Promise<Allocation | null> {
    return this.dataSource.transaction(async (m) => {
      const allocation = await lockAllocation(m, allocationId);
      if (
        !allocation ||
        (allocation.status !== AllocationStatus.QUEUED &&
          allocation.status !== AllocationStatus.RUNNING)
      ) {
        return null;
      }
      const changes = {
        status: AllocationStatus.RUNNING,
        attempts: allocation.attempts + 1,
        startedAt: allocation.startedAt ?? new Date(),
      };
      await m.update(Allocation, { id: allocation.id }, changes);
      return Object.assign(allocation, changes);
    });
  }

  private async compute(allocation: Allocation): Promise<Outcome> {
    const m = this.dataSource.manager;
    const cohort = await m.getRepository(Cohort).findOneByOrFail({ id: allocation.cohortId });
    if (cohort.status !== CohortStatus.OPEN) return { problems: [COHORT_CONFIRMED] };
    const { members, cohortProjects, rankings } = await loadCohortRows(m, cohort.id);
    const memberIds = members.map((mm) => mm.participantId);
    const projectIds = cohortProjects.map((cp) => cp.projectId);
    const [participantFacts, projectFacts, weights] = await Promise.all([
      this.facts.participants(memberIds),
      this.facts.publishedProjects(projectIds),
      currentWeights(m, cohort.programId),
    ]);
    const { snapshot, excluded } = buildSnapshot({
      weights,
      memberIds,
      projects: cohortProjects.map((cp) => ({
        id: cp.projectId,
        capacity: cp.capacity,
        open: cp.project!.status === ProjectStatus.PUBLISHED,
      })),
      rankings,
      participantFacts: new Map(participantFacts.map((p) => [p.id, p])),
      projectFacts: new Map(projectFacts.map((p) => [p.id, p])),
    });
    const instance = toAllocationInstance(snapshot);
    const names = await this.allocations.names(
      m,
      memberIds,
      cohortProjects.map((cp) => cp.project!),
    );
    const problems = [
      ...describeInstanceProblems(instance, validateAllocationInstance(instance), names),
      ...describeExclusions(excluded, names),
    ];
    if (problems.length) return { problems };

    const result = allocate(
      snapshot,
      allocation.mode === AllocationModeValue.STABLE ? 'STABLE' : 'OPTIMAL',
    );
    const assignments = result.assignments.map((a) => ({ ...a, adjusted: false }));
    return { snapshot, assignments, evaluation: evaluateProposal(snapshot, assignments) };
  }

  // Under the cohort's lock (taken before the allocation's, like every writer), so a confirm
  // cannot slip in between the check and the write.
  private async finish(allocation: Allocation, outcome: Outcome): Promise<RunOutcome> {
    return this.dataSource.transaction(async (m) => {
      const cohort = await lockCohort(m, allocation.cohortId, 'share');
      const current = await lockAllocation(m, allocation.id);
      if (current?.status !== AllocationStatus.RUNNING) return 'skipped';
      const finishedAt = new Date();
      const failed =
        'problems' in outcome
          ? outcome.problems
          : cohort.status !== CohortStatus.OPEN
            ? [COHORT_CONFIRMED]
            : null;
      if (failed) {
        await m.update(
          Allocation,
          { id: allocation.id },
          {
            status: AllocationStatus.FAILED,
            error: summarise(failed),
            problems: failed,
            finishedAt,
          },
        );
        await this.announce(m, allocation.id);
        return 'failed';
      }
      const { snapshot, assignments, evaluation } = outcome as Exclude<
        Outcome,
        { problems: CohortProblem[] }
      >;
      await this.allocations.insertAssignments(m, allocation.id, assignments);
      await m.update(
        Allocation,
        { id: allocation.id },
        {
          status: AllocationStatus.PROPOSED,
          snapshot,
          totalScore: evaluation.totalScore,
          blockingPairCount: evaluation.blockingPairs.length,
          blockingPairs: evaluation.blockingPairs,
          teams: evaluation.teams,
          finishedAt,
        },
      );
      await this.announce(m, allocation.id);
      return 'proposed';
    });
  }

  // The intermediary who asked hears that the run finished, proposed or failed.
  private async announce(m: EntityManager, allocationId: string): Promise<void> {
    await this.events.publish(m, ALLOCATION_READY, { allocationId }, [allocationId]);
  }
}
