import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import { ScoringSubject, ScoringSubjectKind } from './scoring-subject.entity';

// Called by the contexts whose changes affect matching (profiles, projects, applications), in
// the transaction of the change: bumps the subject's revision and queues a debounced re-score.
@Injectable()
export class ScoringRequestService {
  constructor(private readonly outbox: OutboxService) {}

  async participantChanged(manager: EntityManager, participantId: string): Promise<void> {
    const revision = await this.bump(manager, ScoringSubjectKind.PARTICIPANT, participantId);
    await this.outbox.add(
      manager,
      'score.participant',
      { participantId },
      `score-participant-${participantId}-r${revision}`,
    );
  }

  async projectChanged(manager: EntityManager, projectId: string): Promise<void> {
    const revision = await this.bump(manager, ScoringSubjectKind.PROJECT, projectId);
    await this.outbox.add(
      manager,
      'score.project',
      { projectId },
      `score-project-${projectId}-r${revision}`,
    );
  }

  private async bump(
    manager: EntityManager,
    kind: ScoringSubjectKind,
    subjectId: string,
  ): Promise<string> {
    const table = manager.getRepository(ScoringSubject).metadata.tableName;
    const rows: Array<{ revision: string }> = await manager.query(
      `INSERT INTO ${table} (kind, subject_id, revision) VALUES ($1, $2, 1)
       ON CONFLICT (kind, subject_id) DO UPDATE SET revision = ${table}.revision + 1
       RETURNING revision`,
      [kind, subjectId],
    );
    return rows[0].revision;
  }
}
