import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-registry';

export const JOB_HANDLER = 'tsunagu:job-handler';

// Marks a provider method as the handler of one job. The method receives the typed payload and
// must be idempotent: a job can run more than once.
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export const JOB_EXHAUSTED = 'tsunagu:job-exhausted';

// Marks a provider method to run once a job has failed for good: its last attempt failed, or
// BullMQ gave up on it (e.g. it stalled too often), so its handler may not have seen the end.
// Receives the payload and the last error. Optional; at most one per job.
export const OnJobExhausted = (name: JobName) => SetMetadata(JOB_EXHAUSTED, name);

// Which run of a job this is, for handlers that keep their own attempt log (deliveries record
// each failure and enter the dead-letter state on the last one).
export interface JobAttempt {
  // 1 for the first run.
  attempt: number;
  maxAttempts: number;
  isFinal: boolean;
}
