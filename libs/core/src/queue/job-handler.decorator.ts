import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-registry';

export const JOB_HANDLER = 'tsunagu:job-handler';

// Marks a provider method as the handler of one job. The method receives the typed payload and
// must be idempotent: a job can run more than once.
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

// Which run of a job this is, for handlers that keep their own attempt log (deliveries record
// each failure and enter the dead-letter state on the last one).
export interface JobAttempt {
  // 1 for the first run.
  attempt: number;
  maxAttempts: number;
  isFinal: boolean;
}
