import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CoreModule } from '@tsunagu/core';
import { IdentityModule } from '@tsunagu/identity';
import { NotificationsModule } from '@tsunagu/notifications';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { JobRunner } from './job-runner';
import { NotificationJobs } from './jobs/notification.jobs';

@Module({
  imports: [
    CoreModule,
    DiscoveryModule,
    IdentityModule,
    ProjectsModule,
    ParticipantsModule,
    NotificationsModule,
  ],
  providers: [JobRunner, NotificationJobs],
})
export class WorkerModule {}
