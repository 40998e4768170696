import { Injectable, Logger } from '@nestjs/common';
import { deliveryRunOf, JobAttempt, JobHandler, JobPayload, OnJobExhausted } from '@tsunagu/core';
import {
  DigestService,
  EmailDeliveryService,
  InAppDeliveryService,
  markExhausted,
  NotificationFanOut,
} from '@tsunagu/notifications';
import { DataSource } from 'typeorm';

@Injectable()
export class NotificationJobs {
  private readonly logger = new Logger(NotificationJobs.name);

  constructor(
    private readonly fanOut: NotificationFanOut,
    private readonly inApp: InAppDeliveryService,
    private readonly email: EmailDeliveryService,
    private readonly digests: DigestService,
    private readonly dataSource: DataSource,
  ) {}

  @JobHandler('notify.event')
  async event({ event }: JobPayload<'notify.event'>): Promise<void> {
    const outcome = await this.fanOut.fanOut(event);
    if ('skipped' in outcome) this.logger.warn(`skipped: ${outcome.skipped}`);
  }

  @JobHandler('notify.events')
  async events({ events }: JobPayload<'notify.events'>): Promise<void> {
    for (const outcome of await this.fanOut.fanOutSeveral(events))
      if ('skipped' in outcome) this.logger.warn(`skipped: ${outcome.skipped}`);
  }

  @JobHandler('deliver.in-app')
  async inAppDelivery(payload: JobPayload<'deliver.in-app'>, attempt: JobAttempt): Promise<void> {
    await this.inApp.deliver(deliveryRunOf(payload), attempt);
  }

  @JobHandler('deliver.email')
  async emailDelivery(payload: JobPayload<'deliver.email'>, attempt: JobAttempt): Promise<void> {
    await this.email.deliver(deliveryRunOf(payload), attempt);
  }

  @JobHandler('notify.digest-sweep')
  async digestSweep(_payload: JobPayload<'notify.digest-sweep'>): Promise<void> {
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
  async inAppExhausted(payload: JobPayload<'deliver.in-app'>, error: Error) {
    const { ids, retries } = deliveryRunOf(payload);
    await markExhausted(this.dataSource, 'notification_delivery', ids, error, retries);
  }

  @OnJobExhausted('deliver.email')
  async emailExhausted(payload: JobPayload<'deliver.email'>, error: Error) {
    const { ids, retries } = deliveryRunOf(payload);
    await markExhausted(this.dataSource, 'notification_delivery', ids, error, retries);
  }

  @OnJobExhausted('deliver.digest')
  async digestExhausted({ digestId }: JobPayload<'deliver.digest'>, error: Error) {
    await markExhausted(this.dataSource, 'notification_digest', digestId, error);
  }
}
