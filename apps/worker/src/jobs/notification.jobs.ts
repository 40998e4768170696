import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobPayload } from '@tsunagu/core';
import { NotificationService } from '@tsunagu/notifications';

@Injectable()
export class NotificationJobs {
  private readonly logger = new Logger(NotificationJobs.name);

  constructor(private readonly notifications: NotificationService) {}

  @JobHandler('notify.application-submitted')
  async applicationSubmitted(payload: JobPayload<'notify.application-submitted'>): Promise<void> {
    const outcome = await this.notifications.notifyApplicationSubmitted(payload.applicationId);
    if ('skipped' in outcome) this.logger.warn(`skipped: ${outcome.skipped}`);
  }
}
