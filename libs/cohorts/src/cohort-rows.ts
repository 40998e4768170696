import { AppError } from '@tsunagu/core';
import { EntityManager } from 'typeorm';
import { Allocation } from './allocation.entity';
import { CohortMember } from './cohort-member.entity';
import { CohortProject } from './cohort-project.entity';
import { CohortRanking } from './cohort-ranking.entity';
import { Cohort } from './cohort.entity';

// Writers take the cohort's row lock first ('update' to change it, 'share' to rely on it staying
// as it is), then the allocation's.
export type CohortLock = 'update' | 'share';

export async function lockCohort(
  m: EntityManager,
  cohortId: string,
  lock?: CohortLock,
): Promise<Cohort> {
  const qb = m
    .getRepository(Cohort)
    .createQueryBuilder('c')
    .where('c.id = :cohortId', { cohortId });
  if (lock) qb.setLock(lock === 'update' ? 'pessimistic_write' : 'pessimistic_read');
  const cohort = await qb.getOne();
  if (!cohort) throw AppError.notFound('Cohort', cohortId);
  return cohort;
}

// Row lock on an allocation, taken after the cohort's (the order every writer uses).
export function lockAllocation(m: EntityManager, allocationId: string): Promise<Allocation | null> {
  return m
    .getRepository(Allocation)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :allocationId', { allocationId })
    .getOne();
}

// Everything an allocation is computed from: members, projects (with the project rows) and
// rankings in rank order.
export async function loadCohortRows(m: EntityManager, cohortId: string) {
  const [members, cohortProjects, rankings] = await Promise.all([
    m.getRepository(CohortMember).find({ where: { cohortId }, select: { participantId: true } }),
    m.getRepository(CohortProject).find({ where: { cohortId }, relations: { project: true } }),
    m.getRepository(CohortRanking).find({ where: { cohortId }, order: { rank: 'ASC' } }),
  ]);
  return { members, cohortProjects, rankings };
}
