import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OutboxJob, OutboxService } from '@tsunagu/core';
import { ScoringSubject, ScoringSubjectKind } from './scoring-subject.entity';

// Scoring's write half, in the transaction of a change that affects matching (heard through
// ScoringSubscriber, or a re-score's own refresh): bumps the subject's revision and queues a
// debounced re-score through the outbox. The only place that names the score jobs.
@Injectable()
export class ScoringRequestService {
  constructor(private readonly outbox: OutboxService) {}

  async participantChanged(manager: EntityManager, participantId: string): Promise<void> {
    const revision = await this.bump(manager, ScoringSubjectKind.PARTICIPANT, participantId);
    await this.outbox.addMany(manager, [
      this.job(ScoringSubjectKind.PARTICIPANT, participantId, `r${revision}`),
    ]);
  }

  async projectChanged(manager: EntityManager, projectId: string): Promise<void> {
    const revision = await this.bump(manager, ScoringSubjectKind.PROJECT, projectId);
    await this.outbox.addMany(manager, [
      this.job(ScoringSubjectKind.PROJECT, projectId, `r${revision}`),
    ]);
  }

  // The subjects' facts are unchanged but their lists may not be (someone else's change moves
  // them in or out): re-score without a new revision.
  async refresh(
    manager: EntityManager,
    kind: ScoringSubjectKind,
    subjectIds: readonly string[],
  ): Promise<void> {
    await this.outbox.addMany(
      manager,
      subjectIds.map((id) => this.job(kind, id, `refresh-${randomUUID()}`)),
    );
  }

  private job(kind: ScoringSubjectKind, id: string, suffix: string): OutboxJob {
    return kind === ScoringSubjectKind.PARTICIPANT
      ? {
          jobName: 'score.participant',
          payload: { participantId: id },
          jobId: `score-participant-${id}-${suffix}`,
        }
      : {
          jobName: 'score.project',
          payload: { projectId: id },
          jobId: `score-project-${id}-${suffix}`,
        };
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
