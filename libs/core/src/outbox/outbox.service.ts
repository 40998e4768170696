import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertValidJobId, JobName, JobPayload } from '../queue/job-registry';
import { OutboxMessage } from './outbox-message.entity';

// A job to queue through the outbox, its payload typed by its name.
export type OutboxJob = {
  [N in JobName]: { jobName: N; payload: JobPayload<N>; jobId: string };
}[JobName];

@Injectable()
export class OutboxService {
  // Call inside the transaction that makes the change the job depends on.
  async add<N extends JobName>(
    manager: EntityManager,
    jobName: N,
    payload: JobPayload<N>,
    jobId: string,
  ): Promise<void> {
    await this.addMany(manager, [{ jobName, payload, jobId } as OutboxJob]);
  }

  // Several jobs in one statement (a change that affects many lists queues one job each).
  async addMany(manager: EntityManager, messages: ReadonlyArray<OutboxJob>): Promise<void> {
    if (messages.length === 0) return;
    for (const m of messages) assertValidJobId(m.jobId);
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(messages.map(({ jobName, payload, jobId }) => ({ jobName, payload, jobId })))
      .orIgnore()
      .execute();
  }
}
