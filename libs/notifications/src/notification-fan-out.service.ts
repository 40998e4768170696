import { Injectable, Logger } from '@nestjs/common';
import { DomainEvent, EventAudiences, OutboxJob, QueueService, Recipient } from '@tsunagu/core';
import { User } from '@tsunagu/identity';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { deliveryRunJobId } from './delivery-job-ids';
import { DeliveryChannel, DeliveryMode, DeliveryStatus } from './delivery-kinds';
import { MailTransport } from './email/mail-transport';
import { InAppDeliveryService } from './in-app-delivery.service';
import { NotificationDelivery } from './notification-delivery.entity';
import type { Notification } from './notification.entity';
import { NotificationEvent } from './notification-event.entity';
import { NotificationPreferenceService } from './notification-preference.service';
import { isNotificationEventType } from './notified-events';
import { WebhookFanOut } from './webhooks/webhook-fan-out';

// Deliveries of one event on one channel per job: one transaction (and, for e-mail, one burst
// over the pooled transport) instead of one each; an event with more recipients gets more jobs.
const BATCH_SIZE = 100;

export const CHANNEL_JOBS: Record<DeliveryChannel, 'deliver.in-app' | 'deliver.email'> = {
  [DeliveryChannel.IN_APP]: 'deliver.in-app',
  [DeliveryChannel.EMAIL]: 'deliver.email',
};

// What the event asked for (on a replay, the same counts: nothing new is planned).
export type FanOutOutcome =
  { deliveries: number; digested: number; webhooks: number } | { skipped: string };

// Turns one domain event into deliveries: one per recipient and channel their preferences allow,
// plus one per subscribed webhook, all planned in one transaction (webhook jobs through the
// outbox, the e-mail jobs queued after the commit). The in-app notifications are stored in that
// same transaction: a job and its round trips fewer per event, and the notification's unique
// (event key, recipient) with the deliveries marked SENT alongside keep them single. Replaying
// an event plans and stores nothing new: the event key and the delivery keys are unique.
@Injectable()
export class NotificationFanOut {
  private readonly logger = new Logger(NotificationFanOut.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audiences: EventAudiences,
    private readonly preferences: NotificationPreferenceService,
    private readonly queues: QueueService,
    private readonly mail: MailTransport,
    private readonly webhooks: WebhookFanOut,
    private readonly inApp: InAppDeliveryService,
  ) {}

  async fanOut(event: DomainEvent): Promise<FanOutOutcome> {
    const { type } = event;
    if (!isNotificationEventType(type)) return { skipped: `${type} is not a notified event` };
    // The context that owns the event says who hears of it and what they are told.
    const audience = await this.audiences.resolve(event);
    if (!audience) return { skipped: `the subject of ${event.key} no longer exists` };
    const { outcome, jobs, notifications } = await this.dataSource.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(NotificationEvent)
        .values({
          key: event.key,
          type,
          vars: audience.vars,
          links: audience.links,
          occurredAt: new Date(event.occurredAt),
        })
        .orIgnore()
        .execute();
      const stored = await m.getRepository(NotificationEvent).findOneByOrFail({ key: event.key });
      const rows = await this.plan(m, stored, uniqueRecipients(audience.recipients));
      const pending = await this.pending(m, stored.id);
      const inApp = await this.storeInApp(
        m,
        pending.filter((d) => d.channel === DeliveryChannel.IN_APP).map((d) => d.id),
      );
      const webhooks = await this.webhooks.plan(m, stored, [...new Set(audience.organizationIds)]);
      return {
        outcome: {
          deliveries: rows.filter((r) => r.status === DeliveryStatus.PENDING).length,
          digested: rows.filter((r) => r.status === DeliveryStatus.IN_DIGEST).length,
          webhooks,
        },
        // In-app deliveries the fan-out could not store go to their own job, as e-mails do.
        jobs: jobsFor(
          stored.id,
          pending.filter((d) => d.channel !== DeliveryChannel.IN_APP || !inApp),
        ),
        notifications: inApp ?? [],
      };
    });
    // Straight onto the queue after the commit, not through the outbox: this fan-out runs in a
    // durable job that is done only once BullMQ took them. A crash in between leaves the job to
    // run again, which finds the deliveries still PENDING and sends the same job ids. That saves
    // an outbox row, a relay pass and its wake-up per event.
    await this.queues.addMany(
      jobs.map(({ jobName, payload, jobId }) => ({ name: jobName, payload, jobId })),
    );
    // The live push after the commit, best effort as ever.
    await this.inApp.push(notifications);
    return outcome;
  }

  private async plan(
    m: EntityManager,
    event: NotificationEvent,
    recipients: Recipient[],
  ): Promise<Array<Pick<NotificationDelivery, 'status'>>> {
    if (recipients.length === 0) return [];
    // Former members (deleted accounts) hear nothing more.
    const live = new Set(
      (
        await m.getRepository(User).find({
          select: { id: true },
          where: { id: In(recipients.map((r) => r.userId)), deletedAt: IsNull() },
        })
      ).map((u) => u.id),
    );
    recipients = recipients.filter((r) => live.has(r.userId));
    if (recipients.length === 0) return [];
    const modes = await this.preferences.modesFor(m, event.type, recipients);
    const rows: Array<Partial<NotificationDelivery>> = [];
    for (const recipient of recipients) {
      for (const [channel, mode] of modes.get(recipient.userId)!) {
        if (mode === DeliveryMode.OFF) continue;
        // Without an SMTP server there is no e-mail channel; nothing waits for one.
        if (channel === DeliveryChannel.EMAIL && !this.mail.enabled) continue;
        rows.push({
          eventId: event.id,
          recipientId: recipient.userId,
          role: recipient.role,
          organizationId: recipient.organizationId ?? null,
          channel,
          mode,
          status:
            mode === DeliveryMode.DAILY_DIGEST ? DeliveryStatus.IN_DIGEST : DeliveryStatus.PENDING,
        });
      }
    }
    if (rows.length === 0) return [];
    await m
      .createQueryBuilder()
      .insert()
      .into(NotificationDelivery)
      .values(rows)
      .orIgnore()
      .execute();
    return rows as Array<Pick<NotificationDelivery, 'status'>>;
  }

  // In a savepoint: an in-app notification that cannot be stored (a message that fails to
  // render) must not hold back the event's e-mails and webhooks. Its deliveries then run in a
  // `deliver.in-app` job, which retries them and records their failures, as it always did.
  private async storeInApp(
    m: EntityManager,
    deliveryIds: string[],
  ): Promise<Notification[] | undefined> {
    try {
      return await m.transaction((savepoint) => this.inApp.store(savepoint, deliveryIds));
    } catch (error) {
      this.logger.warn(
        `in-app notifications left to their job: ${(error as Error).message.slice(0, 300)}`,
      );
      return undefined;
    }
  }

  // The deliveries of the event still waiting for their first run: a replayed fan-out finds the
  // ones its earlier run planned but did not finish.
  private pending(
    m: EntityManager,
    eventId: string,
  ): Promise<Array<Pick<NotificationDelivery, 'id' | 'channel'>>> {
    return m.getRepository(NotificationDelivery).find({
      select: { id: true, channel: true },
      where: { eventId, status: DeliveryStatus.PENDING, retries: 0 },
      order: { id: 'ASC' },
    });
  }
}

// One job per channel (and per BATCH_SIZE of deliveries): a replayed fan-out sends them again,
// and the deterministic job ids keep each one single.
function jobsFor(
  eventId: string,
  pending: ReadonlyArray<Pick<NotificationDelivery, 'id' | 'channel'>>,
): OutboxJob[] {
  const jobs: OutboxJob[] = [];
  for (const channel of Object.values(DeliveryChannel)) {
    const ids = pending.filter((d) => d.channel === channel).map((d) => d.id);
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      jobs.push({
        jobName: CHANNEL_JOBS[channel],
        payload: { deliveryIds: ids.slice(start, start + BATCH_SIZE) },
        jobId: deliveryRunJobId('delivery', `${eventId}.${channel}.${start / BATCH_SIZE}`),
      });
    }
  }
  return jobs;
}

// One delivery per person: someone who is both region staff and supervisor hears once, in the
// first capacity the event names them.
function uniqueRecipients(recipients: readonly Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const r of recipients) if (!seen.has(r.userId)) seen.set(r.userId, r);
  return [...seen.values()];
}
