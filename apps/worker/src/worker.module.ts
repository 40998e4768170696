import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CohortsModule } from '@tsunagu/cohorts';
import { CoreModule } from '@tsunagu/core';
import { CompaniesModule } from '@tsunagu/companies';
import { EngagementsModule } from '@tsunagu/engagements';
import { IdentityModule } from '@tsunagu/identity';
import { NotificationsModule } from '@tsunagu/notifications';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { ScoringModule } from '@tsunagu/scoring';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { JobRunner } from './job-runner';
import { CohortJobs } from './jobs/cohort.jobs';
import { EngagementJobs } from './jobs/engagement.jobs';
import { NotificationJobs } from './jobs/notification.jobs';
import { ScoringJobs } from './jobs/scoring.jobs';
import { WebhookJobs } from './jobs/webhook.jobs';

@Module({
  imports: [
    CoreModule,
    DiscoveryModule,
    IdentityModule,
    TaxonomyModule,
    ParticipantsModule,
    ProjectsModule,
    CompaniesModule,
    EngagementsModule,
    NotificationsModule,
    ScoringModule,
    CohortsModule,
  ],
  providers: [JobRunner, NotificationJobs, ScoringJobs, CohortJobs, EngagementJobs, WebhookJobs],
})
export class WorkerModule {}
