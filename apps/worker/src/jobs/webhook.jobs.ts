import { Injectable, Logger } from '@nestjs/common';
import { JobAttempt, JobHandler, JobPayload, OnJobExhausted } from '@tsunagu/core';
import { markExhausted, WebhookDeliverer } from '@tsunagu/notifications';
import { DataSource } from 'typeorm';

@Injectable()
export class WebhookJobs {
  private readonly logger = new Logger(WebhookJobs.name);

  constructor(
    private readonly deliverer: WebhookDeliverer,
    private readonly dataSource: DataSource,
  ) {}

  // Throws on a failed call so BullMQ retries with the delivery backoff.
  @JobHandler('deliver.webhook')
  async deliver({ deliveryId }: JobPayload<'deliver.webhook'>, attempt: JobAttempt): Promise<void> {
    const outcome = await this.deliverer.deliver(deliveryId, attempt);
    if ('skipped' in outcome)
      this.logger.log(`webhook delivery ${deliveryId} skipped: ${outcome.skipped}`);
  }

  @OnJobExhausted('deliver.webhook')
  async exhausted({ deliveryId }: JobPayload<'deliver.webhook'>, error: Error): Promise<void> {
    await markExhausted(this.dataSource, 'webhook_delivery', deliveryId, error);
  }
}
