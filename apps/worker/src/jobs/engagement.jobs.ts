import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobPayload, JOBS, QueueService } from '@tsunagu/core';
import { EngagementHealthService, EngagementResponseService } from '@tsunagu/engagements';

const FLAG_STALE = 'engagements.flag-stale';
// Staleness is counted in days; an hourly sweep flags an engagement soon enough.
const FLAG_STALE_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class EngagementJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(EngagementJobs.name);

  constructor(
    private readonly health: EngagementHealthService,
    private readonly responses: EngagementResponseService,
    private readonly queues: QueueService,
  ) {}

  // One scheduler per deployment: upserting it on every start replaces, never duplicates.
  async onApplicationBootstrap(): Promise<void> {
    const definition = JOBS[FLAG_STALE];
    await this.queues.queue(definition.queue).upsertJobScheduler(
      FLAG_STALE,
      { every: FLAG_STALE_EVERY_MS },
      {
        name: FLAG_STALE,
        data: {},
        opts: {
          attempts: definition.attempts,
          backoff: { type: 'exponential', delay: definition.backoffMs },
          removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      },
    );
  }

  @JobHandler(FLAG_STALE)
  async flagStale(_payload: JobPayload<typeof FLAG_STALE>): Promise<void> {
    const outcome = await this.health.flagStale();
    this.logger.log(`${outcome.alerts} alert(s), ${outcome.notifications} notification(s)`);
    // Response rules ride on the same hourly sweep: overdue applications, paused projects.
    const responses = await this.responses.flagUnanswered();
    this.logger.log(
      `${responses.alerts} unanswered, ${responses.paused} paused, ${responses.unpaused} unpaused`,
    );
  }
}
