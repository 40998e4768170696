import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig, QUEUE_NAMES, QueueService } from '@tsunagu/core';

export interface QueueLag {
  waiting: number;
  delayed: number;
  oldestWaitingMs: number;
}

// Down when any queue's oldest waiting job has waited longer than HEALTH_MAX_QUEUE_LAG_MS: the
// workers are gone or cannot keep up. Delayed jobs are counted but are not late until due.
@Injectable()
export class QueueLagHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
  ) {}

  async isHealthy<const Key extends string>(key: Key) {
    const indicator = this.health.check(key);
    const now = Date.now();
    const lags: Record<string, QueueLag> = {};
    try {
      for (const name of QUEUE_NAMES) {
        const queue = this.queues.queue(name);
        const counts = await queue.getJobCounts('waiting', 'delayed');
        const [oldest] = await queue.getJobs(['waiting'], 0, 0, true);
        lags[name] = {
          waiting: counts.waiting ?? 0,
          delayed: counts.delayed ?? 0,
          oldestWaitingMs: oldest ? Math.max(0, now - oldest.timestamp) : 0,
        };
      }
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
    const maxLagMs = this.config.HEALTH_MAX_QUEUE_LAG_MS;
    const lagging = Object.keys(lags).filter((name) => lags[name].oldestWaitingMs > maxLagMs);
    return lagging.length > 0
      ? indicator.down({ maxLagMs, lagging, queues: lags })
      : indicator.up({ maxLagMs, queues: lags });
  }
}
