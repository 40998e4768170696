import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertValidJobId, JobName, JobPayload } from '../queue/job-registry';
import { OutboxMessage } from './outbox-message.entity';

@Injectable()
export class OutboxService {
  // Call inside the transaction that makes the change the job depends on.
  async add<N extends JobName>(
    manager: EntityManager,
    jobName: N,
    payload: JobPayload<N>,
    jobId: string,
  ): Promise<void> {
    assertValidJobId(jobId);
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ jobName, jobId, payload })
      .orIgnore()
      .execute();
  }
}
