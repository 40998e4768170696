import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobAttempt, JobHandler, JobPayload, OnJobExhausted, QueueService } from '@tsunagu/core';
import {
  DigestService,
  EmailDeliveryService,
  InAppDeliveryService,
  markExhausted,
  NotificationFanOut,
} from '@tsunagu/notifications';
import { DataSource } from 'typeorm';

const DIGEST_SWEEP = 'notify.digest-sweep';
// Digest hours are whole local hours: sweeping every quarter hour sends within 15 minutes of it.
const DIGEST_SWEEP_EVERY_MS = 15 * 60 * 1000;

@Injectable()
export class NotificationJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationJobs.name);

  constructor(
    private readonly fanOut: NotificationFanOut,
    private readonly inApp: InAppDeliveryService,
    private readonly email: EmailDeliveryService,
    private readonly digests: DigestService,
    private readonly queues: QueueService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(DIGEST_SWEEP, DIGEST_SWEEP_EVERY_MS);
  }

  @JobHandler('notify.event')
  async event({ event }: JobPayload<'notify.event'>): Promise<void> {
    const outcome = await this.fanOut.fanOut(event);
    if ('skipped' in outcome) this.logger.warn(`skipped: ${outcome.skipped}`);
  }

  @JobHandler('deliver.in-app')
  async inAppDelivery(
    { deliveryId }: JobPayload<'deliver.in-app'>,
    attempt: JobAttempt,
  ): Promise<void> {
    await this.inApp.deliver(deliveryId, attempt);
  }

  @JobHandler('deliver.email')
  async emailDelivery(
    { deliveryId }: JobPayload<'deliver.email'>,
    attempt: JobAttempt,
  ): Promise<void> {
    await this.email.deliver(deliveryId, attempt);
  }

  @JobHandler(DIGEST_SWEEP)
  async digestSweep(_payload: JobPayload<typeof DIGEST_SWEEP>): Promise<void> {
    await this.digests.gather();
  }

  @JobHandler('deliver.digest')
  async digestDelivery(
    { digestId }: JobPayload<'deliver.digest'>,
    attempt: JobAttempt,
  ): Promise<void> {
    await this.digests.deliver(digestId, attempt);
  }

  @OnJobExhausted('deliver.in-app')
  async inAppExhausted({ deliveryId }: JobPayload<'deliver.in-app'>, error: Error) {
    await markExhausted(this.dataSource, 'notification_delivery', deliveryId, error);
  }

  @OnJobExhausted('deliver.email')
  async emailExhausted({ deliveryId }: JobPayload<'deliver.email'>, error: Error) {
    await markExhausted(this.dataSource, 'notification_delivery', deliveryId, error);
  }

  @OnJobExhausted('deliver.digest')
  async digestExhausted({ digestId }: JobPayload<'deliver.digest'>, error: Error) {
    await markExhausted(this.dataSource, 'notification_digest', digestId, error);
  }
}
