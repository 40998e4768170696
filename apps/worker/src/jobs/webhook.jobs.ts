import { Injectable, Logger } from '@nestjs/common';
import { JobAttempt, JobHandler, JobPayload } from '@tsunagu/core';
import { WebhookDeliverer } from '@tsunagu/notifications';

@Injectable()
export class WebhookJobs {
  private readonly logger = new Logger(WebhookJobs.name);

  constructor(private readonly deliverer: WebhookDeliverer) {}

  // Throws on a failed call so BullMQ retries with the delivery backoff.
  @JobHandler('deliver.webhook')
  async deliver({ deliveryId }: JobPayload<'deliver.webhook'>, attempt: JobAttempt): Promise<void> {
    const outcome = await this.deliverer.deliver(deliveryId, attempt);
    if ('skipped' in outcome)
      this.logger.log(`webhook delivery ${deliveryId} skipped: ${outcome.skipped}`);
  }
}
