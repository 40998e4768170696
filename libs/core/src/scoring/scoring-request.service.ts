import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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
    await this.enqueue(manager, ScoringSubjectKind.PARTICIPANT, participantId, `r${revision}`);
  }

  async projectChanged(manager: EntityManager, projectId: string): Promise<void> {
    const revision = await this.bump(manager, ScoringSubjectKind.PROJECT, projectId);
    await this.enqueue(manager, ScoringSubjectKind.PROJECT, projectId, `r${revision}`);
  }

  // The subjects' facts are unchanged but their lists may not be (someone else's change moves
  // them in or out): re-score without a new revision.
  async refresh(
    manager: EntityManager,
    kind: ScoringSubjectKind,
    subjectIds: readonly string[],
  ): Promise<void> {
    for (const id of subjectIds) await this.enqueue(manager, kind, id, `refresh-${randomUUID()}`);
  }

  private async enqueue(
    manager: EntityManager,
    kind: ScoringSubjectKind,
    id: string,
    suffix: string,
  ): Promise<void> {
    if (kind === ScoringSubjectKind.PARTICIPANT) {
      await this.outbox.add(
        manager,
        'score.participant',
        { participantId: id },
        `score-participant-${id}-${suffix}`,
      );
    } else {
      await this.outbox.add(
        manager,
        'score.project',
        { projectId: id },
        `score-project-${id}-${suffix}`,
      );
    }
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
