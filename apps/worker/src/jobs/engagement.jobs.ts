import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobPayload, QueueService } from '@tsunagu/core';
import {
  EngagementHealthService,
  EngagementRelationshipService,
  EngagementResponseService,
} from '@tsunagu/engagements';

const FLAG_STALE = 'engagements.flag-stale';
// Staleness is counted in days; an hourly sweep flags an engagement soon enough.
const FLAG_STALE_EVERY_MS = 60 * 60 * 1000;
// Follow-ups fall due by the month: the same hourly schedule is plenty.
const FOLLOW_UPS_DUE = 'engagements.follow-ups-due';

@Injectable()
export class EngagementJobs implements OnApplicationBootstrap {
  constructor(
    private readonly health: EngagementHealthService,
    private readonly responses: EngagementResponseService,
    private readonly relationships: EngagementRelationshipService,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of [FLAG_STALE, FOLLOW_UPS_DUE] as const) {
      await this.queues.schedule(name, FLAG_STALE_EVERY_MS);
    }
  }

  @JobHandler(FLAG_STALE)
  async flagStale(_payload: JobPayload<typeof FLAG_STALE>): Promise<void> {
    // The services log what they flagged; a quiet hour logs nothing.
    await this.health.flagStale();
    // Response rules ride on the same hourly sweep: overdue applications, paused projects.
    await this.responses.flagUnanswered();
  }

  @JobHandler(FOLLOW_UPS_DUE)
  async followUpsDue(_payload: JobPayload<typeof FOLLOW_UPS_DUE>): Promise<void> {
    await this.relationships.notifyDueFollowUps();
  }
}
