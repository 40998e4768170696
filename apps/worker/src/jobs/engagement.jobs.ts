import { Injectable } from '@nestjs/common';
import { JobHandler, JobPayload } from '@tsunagu/core';
import {
  ActivityDayService,
  EngagementHealthService,
  EngagementRelationshipService,
  EngagementResponseService,
} from '@tsunagu/engagements';

// The engagement sweeps, one job each; their schedules are declared in the job registry.
@Injectable()
export class EngagementJobs {
  constructor(
    private readonly health: EngagementHealthService,
    private readonly responses: EngagementResponseService,
    private readonly relationships: EngagementRelationshipService,
    private readonly activityDays: ActivityDayService,
  ) {}

  // The services log what they flagged; a quiet hour logs nothing.
  @JobHandler('engagements.flag-stale')
  async flagStale(_payload: JobPayload<'engagements.flag-stale'>): Promise<void> {
    await this.health.flagStale();
  }

  // Overdue applications, paused and unpaused projects.
  @JobHandler('engagements.flag-unanswered')
  async flagUnanswered(_payload: JobPayload<'engagements.flag-unanswered'>): Promise<void> {
    await this.responses.flagUnanswered();
  }

  @JobHandler('engagements.follow-ups-due')
  async followUpsDue(_payload: JobPayload<'engagements.follow-ups-due'>): Promise<void> {
    await this.relationships.notifyDueFollowUps();
  }

  @JobHandler('engagements.activity-day-reminders')
  async activityDayReminders(
    _payload: JobPayload<'engagements.activity-day-reminders'>,
  ): Promise<void> {
    await this.activityDays.sendDueReminders();
  }
}
