import { Injectable, Logger } from '@nestjs/common';
import { AllocationRunner } from '@tsunagu/cohorts';
import { JobHandler, JobPayload } from '@tsunagu/core';

@Injectable()
export class CohortJobs {
  private readonly logger = new Logger(CohortJobs.name);

  constructor(private readonly runner: AllocationRunner) {}

  @JobHandler('cohort.allocate')
  async allocate(payload: JobPayload<'cohort.allocate'>): Promise<void> {
    const outcome = await this.runner.run(payload.allocationId);
    if (outcome === 'skipped') this.logger.log(`allocation ${payload.allocationId} was done`);
  }
}
