import { Injectable } from '@nestjs/common';
import type { Actor } from '@tsunagu/identity';
import { ProjectReadersOf } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';

// Cohorts' answer to "who still reads a project that is no longer published"
// (libs/projects/src/project-readers.ts): a participant in a cohort that holds it, whose cohort
// and ranking pages link to it. Only published projects join a cohort.
@Injectable()
export class CohortProjectReaders {
  @ProjectReadersOf('cohort')
  async inCohort(m: EntityManager, actor: Actor, projectId: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `SELECT 1 FROM cohort_member cm
         JOIN cohort_project cp ON cp.cohort_id = cm.cohort_id
        WHERE cm.participant_id = $1 AND cp.project_id = $2
        LIMIT 1`,
      [actor.userId, projectId],
    );
    return rows.length > 0;
  }
}
