import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CONTEXT_MODULES } from '@tsunagu/contexts';
import { CoreModule } from '@tsunagu/core';
import { JobRunner } from './job-runner';
import { AccountJobs } from './jobs/account.jobs';
import { CohortJobs } from './jobs/cohort.jobs';
import { EngagementJobs } from './jobs/engagement.jobs';
import { EventJobs } from './jobs/event.jobs';
import { GuardianJobs } from './jobs/guardian.jobs';
import { NotificationJobs } from './jobs/notification.jobs';
import { ScoringJobs } from './jobs/scoring.jobs';
import { WebhookJobs } from './jobs/webhook.jobs';

@Module({
  imports: [CoreModule, DiscoveryModule, ...CONTEXT_MODULES],
  providers: [
    JobRunner,
    NotificationJobs,
    ScoringJobs,
    CohortJobs,
    EngagementJobs,
    EventJobs,
    WebhookJobs,
    AccountJobs,
    GuardianJobs,
  ],
})
export class WorkerModule {}
