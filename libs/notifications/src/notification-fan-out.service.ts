import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  DomainEvent,
  EventAudience,
  EventAudiences,
  groupBy,
  OutboxJob,
  QueueService,
  Recipient,
} from '@tsunagu/core';
import { DataSource, EntityManager } from 'typeorm';
import { deliveryRunJobId, eventJobId } from './delivery-job-ids';
import { DeliveryChannel, DeliveryMode, DeliveryStatus } from './delivery-kinds';
import { MailTransport } from './email/mail-transport';
import { InAppDeliveryService } from './in-app-delivery.service';
import { NotificationDelivery } from './notification-delivery.entity';
import type { Notification } from './notification.entity';
import { NotificationEvent } from './notification-event.entity';
import { NotificationPreferenceService } from './notification-preference.service';
import { GroupCommit } from './group-commit';
import { isNotificationEventType, NotificationEventType } from './notified-events';
import { WebhookFanOut } from './webhooks/webhook-fan-out';

// In-app deliveries per job: one transaction instead of one each; a batch with more gets more.
const BATCH_SIZE = 100;
// E-mails per job: one transaction and one burst over the pooled transport for several events'
// e-mails, few enough that a job's transaction, open while it sends, stays short against a slow
// SMTP server (the worker runs NOTIFICATIONS_CONCURRENCY such jobs over the pool's connections),
// and that a worker dying mid-send sends few twice (under the same Message-IDs).
const EMAILS_PER_JOB = 25;
// Events fanned out in one transaction at most (a worker takes NOTIFICATIONS_CONCURRENCY jobs
// at once, so a batch is rarely bigger than that).
const EVENTS_PER_BATCH = 50;
// Audience queries of one batch in flight at once: a 'notify.events' job of 25 events must not
// take the whole connection pool from the other slots.
const AUDIENCES_AT_ONCE = 4;

export const CHANNEL_JOBS: Record<DeliveryChannel, 'deliver.in-app' | 'deliver.email'> = {
  [DeliveryChannel.IN_APP]: 'deliver.in-app',
  [DeliveryChannel.EMAIL]: 'deliver.email',
};

// What the event asked for (on a replay, the same counts: nothing new is planned).
export type FanOutOutcome =
  { deliveries: number; digested: number; webhooks: number } | { skipped: string };

// Turns domain events into deliveries: one per recipient and channel their preferences allow,
// plus one per subscribed webhook, planned in one transaction (webhook jobs through the outbox,
// the e-mail jobs queued after the commit). The in-app notifications are stored in that same
// transaction: a job and its round trips fewer per event, and the notification's unique (event
// key, recipient) with the deliveries marked SENT alongside keep them single. Replaying an event
// plans and stores nothing new: the event key and the delivery keys are unique.
//
// Events that reach a busy worker together are fanned out together (GroupCommit): one
// transaction and one multi-row statement per step for all of them, and their e-mails in shared
// jobs, since the statements sent to PostgreSQL, not the queue, are what an event costs. If
// the batch fails, each of its events is fanned out alone, so one bad event fails only its own
// job, which BullMQ retries as before.
@Injectable()
export class NotificationFanOut {
  private readonly logger = new Logger(NotificationFanOut.name);
  private readonly group = new GroupCommit<Addressed, FanOutOutcome>(
    (events) => this.deliverMany(events),
    EVENTS_PER_BATCH,
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly audiences: EventAudiences,
    private readonly preferences: NotificationPreferenceService,
    private readonly queues: QueueService,
    private readonly mail: MailTransport,
    private readonly webhooks: WebhookFanOut,
    private readonly inApp: InAppDeliveryService,
  ) {}

  // One event (a `notify.event` job): once its audience is known (in the job's own slot, while
  // the batch before runs), it joins the events waiting for the next batch.
  async fanOut(event: DomainEvent): Promise<FanOutOutcome> {
    const addressed = await this.address(event);
    if ('skipped' in addressed) return addressed;
    return this.group.submit(addressed);
  }

  // A 'notify.events' job: the events the relay found together, fanned out as one batch in this
  // job's own slot (no slot waits in the group commit for it). An event that fails goes on alone
  // as the 'notify.event' job it was recorded as, so it is retried, and fails, on its own; the
  // others are done. If that cannot be queued, this job fails and runs again, which stores and
  // sends nothing twice for the events already done.
  async fanOutSeveral(events: readonly DomainEvent[]): Promise<FanOutOutcome[]> {
    const results = await this.fanOutMany(events);
    const failed = events.filter((_, i) => results[i].status === 'rejected');
    if (failed.length > 0) {
      const reasons = results.flatMap((r) =>
        r.status === 'rejected' ? [messageOf(r.reason)] : [],
      );
      this.logger.warn(`${failed.length} of ${events.length} events go alone: ${reasons[0]}`);
      await this.queues.addMany(
        failed.map((event) => ({
          name: 'notify.event' as const,
          payload: { event },
          jobId: eventJobId(event),
        })),
      );
    }
    return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  // Several events as one batch, one result each in their order. Done for an event once its
  // deliveries are planned, its in-app rows stored and its e-mail jobs on the queue.
  async fanOutMany(
    events: readonly DomainEvent[],
  ): Promise<Array<PromiseSettledResult<FanOutOutcome>>> {
    const addressed = await settledEach(events, AUDIENCES_AT_ONCE, (event) => this.address(event));
    const ready = addressed.flatMap((a) =>
      a.status === 'fulfilled' && !('skipped' in a.value) ? [a.value] : [],
    );
    const delivered = await this.deliverMany(ready);
    return addressed.map((a) => {
      if (a.status === 'rejected' || 'skipped' in a.value)
        return a as PromiseSettledResult<FanOutOutcome>;
      return delivered[ready.indexOf(a.value)];
    });
  }

  // The batch in one transaction; if it fails, each event alone, so one bad event fails only
  // its own result.
  private async deliverMany(
    events: readonly Addressed[],
  ): Promise<Array<PromiseSettledResult<FanOutOutcome>>> {
    const results = new Map<string, PromiseSettledResult<FanOutOutcome>>();
    // The same event twice in one batch (a duplicated job) is fanned out once.
    const ready = [...new Map(events.map((e) => [e.event.key, e])).values()];
    if (ready.length > 1) {
      try {
        const outcomes = await this.deliverTogether(ready);
        for (const [key, outcome] of outcomes) results.set(key, fulfilled(outcome));
      } catch (error) {
        this.logger.warn(
          `a batch of ${ready.length} events failed, each goes alone: ${messageOf(error)}`,
        );
      }
    }
    // A lone event, or each event of a batch that failed, one after another: a batch of
    // transactions at once would starve the worker's pool.
    for (const one of ready.filter(({ event }) => !results.has(event.key))) {
      try {
        const outcomes = await this.deliverTogether([one]);
        results.set(one.event.key, fulfilled(outcomes.get(one.event.key)!));
      } catch (error) {
        results.set(one.event.key, { status: 'rejected', reason: error });
      }
    }
    return events.map((e) => results.get(e.event.key)!);
  }

  // The context that owns the event says who hears of it and what they are told.
  private async address(event: DomainEvent): Promise<Addressed | { skipped: string }> {
    const { type } = event;
    if (!isNotificationEventType(type)) return { skipped: `${type} is not a notified event` };
    const audience = await this.audiences.resolve(event);
    if (!audience) return { skipped: `the subject of ${event.key} no longer exists` };
    return { event, type, audience };
  }

  private async deliverTogether(
    addressed: readonly Addressed[],
  ): Promise<Map<string, FanOutOutcome>> {
    // In key order, as every batch does: two batches sharing events take their locks (the
    // unique keys' waits) in the same order and cannot deadlock.
    const sorted = [...addressed].sort((a, b) => compare(a.event.key, b.event.key));
    const { outcomes, jobs, notifications } = await this.dataSource.transaction(async (m) => {
      const stored = await this.storeEvents(m, sorted);
      const planned = await this.plan(
        m,
        sorted.map(({ event, audience }) => ({
          event: stored.get(event.key)!,
          recipients: uniqueRecipients(audience.recipients),
        })),
      );
      const pending = await this.pending(
        m,
        sorted.map(({ event }) => stored.get(event.key)!.id),
      );
      const inApp = await this.storeInApp(
        m,
        pending.filter((d) => d.channel === DeliveryChannel.IN_APP),
      );
      const webhooks = await this.webhooks.planEach(
        m,
        sorted.map(({ event, audience }) => ({
          event: stored.get(event.key)!,
          organizationIds: audience.organizationIds,
        })),
      );
      const outcomes = new Map<string, FanOutOutcome>();
      for (const { event } of sorted) {
        const row = stored.get(event.key)!;
        const rows = planned.get(row.id) ?? [];
        outcomes.set(event.key, {
          deliveries: rows.filter((r) => r.status === DeliveryStatus.PENDING).length,
          digested: rows.filter((r) => r.status === DeliveryStatus.IN_DIGEST).length,
          webhooks: webhooks.get(row.id) ?? 0,
        });
      }
      return {
        outcomes,
        // In-app deliveries the fan-out could not store go to their own job, as e-mails do.
        jobs: jobsFor(
          pending.filter((d) => d.channel !== DeliveryChannel.IN_APP || inApp.left.has(d.eventId)),
        ),
        notifications: inApp.stored,
      };
    });
    // Straight onto the queue after the commit, not through the outbox: this fan-out runs in
    // durable jobs that are done only once BullMQ took them. A crash in between leaves the jobs
    // to run again, which find the deliveries still PENDING and queue them again under the same
    // job ids (jobsFor: a digest of each job's deliveries), so BullMQ keeps one. That saves an
    // outbox row, a relay pass and its wake-up per batch.
    await this.queues.addMany(
      jobs.map(({ jobName, payload, jobId }) => ({ name: jobName, payload, jobId })),
    );
    // The live push after the commit, best effort as ever.
    await this.inApp.push(notifications);
    return outcomes;
  }

  // The events' rows, one statement to store and one to read them back (a replay finds its own).
  // The batch's rows go in as one JSON parameter: a query builder's parameter per value was most
  // of what TypeORM cost the fan-out.
  private async storeEvents(
    m: EntityManager,
    sorted: readonly Addressed[],
  ): Promise<Map<string, StoredEvent>> {
    const rows = sorted.map(({ event, type, audience }) => ({
      key: event.key,
      type,
      vars: audience.vars,
      links: audience.links,
      // Read as JavaScript always read it: a time it cannot read fails the batch here.
      occurred_at: new Date(event.occurredAt).toISOString(),
    }));
    await m.query(
      `INSERT INTO notification_event (key, type, vars, links, occurred_at)
       SELECT key, type, vars, links, occurred_at
         FROM jsonb_to_recordset($1::jsonb)
           AS e(key text, type text, vars jsonb, links jsonb, occurred_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
    const stored = await m.query<StoredEvent[]>(
      `SELECT id, key, type FROM notification_event WHERE key = ANY($1::text[])`,
      [rows.map((r) => r.key)],
    );
    return new Map(stored.map((r) => [r.key, r]));
  }

  // The deliveries each event asks for, by event id, stored in one statement for the batch.
  private async plan(
    m: EntityManager,
    targets: ReadonlyArray<{ event: StoredEvent; recipients: Recipient[] }>,
  ): Promise<Map<string, Array<Pick<NotificationDelivery, 'status'>>>> {
    const planned = new Map<string, Array<Pick<NotificationDelivery, 'status'>>>();
    const everyone = [...new Set(targets.flatMap((t) => t.recipients.map((r) => r.userId)))];
    if (everyone.length === 0) return planned;
    // Former members (deleted accounts) hear nothing more.
    const live = new Set(
      (
        await m.query<Array<{ id: string }>>(
          `SELECT id FROM "user" WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
          [everyone],
        )
      ).map((u) => u.id),
    );
    const heard = targets
      .map(({ event, recipients }) => ({
        event,
        type: event.type,
        recipients: recipients.filter((r) => live.has(r.userId)),
      }))
      .filter((t) => t.recipients.length > 0);
    const modes = await this.preferences.modesForEach(m, heard);
    const rows: PlannedRow[] = [];
    heard.forEach(({ event, recipients }, i) => {
      const ofEvent: PlannedRow[] = [];
      for (const recipient of recipients) {
        for (const [channel, mode] of modes[i].get(recipient.userId)!) {
          if (mode === DeliveryMode.OFF) continue;
          // Without an SMTP server there is no e-mail channel; nothing waits for one.
          if (channel === DeliveryChannel.EMAIL && !this.mail.enabled) continue;
          ofEvent.push({
            event_id: event.id,
            recipient_id: recipient.userId,
            role: recipient.role,
            organization_id: recipient.organizationId ?? null,
            channel,
            mode,
            status:
              mode === DeliveryMode.DAILY_DIGEST
                ? DeliveryStatus.IN_DIGEST
                : DeliveryStatus.PENDING,
          });
        }
      }
      planned.set(event.id, ofEvent);
      rows.push(...ofEvent);
    });
    if (rows.length > 0) {
      await m.query(
        `INSERT INTO notification_delivery
           (event_id, recipient_id, role, organization_id, channel, mode, status)
         SELECT event_id, recipient_id, role, organization_id, channel, mode, status
           FROM jsonb_to_recordset($1::jsonb)
             AS d(event_id uuid, recipient_id uuid, role text, organization_id uuid,
                  channel text, mode text, status text)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows)],
      );
    }
    return planned;
  }

  // All the batch's in-app rows in one savepoint, else each event's in its own: an in-app
  // notification that cannot be stored (a message that fails to render) must hold back neither
  // its event's e-mails and webhooks nor the other events' rows. The deliveries of an event
  // whose rows could not be stored run in a `deliver.in-app` job, which retries them and
  // records their failures, as it always did.
  private async storeInApp(
    m: EntityManager,
    deliveries: ReadonlyArray<PendingDelivery>,
  ): Promise<{ stored: Notification[]; left: Set<string> }> {
    const byEvent = groupBy(deliveries, (d) => d.eventId);
    const all = await this.storeInSavepoint(
      m,
      deliveries.map((d) => d.id),
    );
    if (all) return { stored: all, left: new Set() };
    if (byEvent.size === 1) return { stored: [], left: new Set(byEvent.keys()) };
    const stored: Notification[] = [];
    const left = new Set<string>();
    for (const [eventId, ofEvent] of byEvent) {
      const rows = await this.storeInSavepoint(
        m,
        ofEvent.map((d) => d.id),
      );
      if (rows) stored.push(...rows);
      else left.add(eventId);
    }
    return { stored, left };
  }

  private async storeInSavepoint(
    m: EntityManager,
    deliveryIds: string[],
  ): Promise<Notification[] | undefined> {
    if (deliveryIds.length === 0) return [];
    try {
      return await m.transaction((savepoint) =>
        this.inApp.store(savepoint, { ids: deliveryIds, retries: 0 }),
      );
    } catch (error) {
      this.logger.warn(`in-app notifications left to their job: ${messageOf(error)}`);
      return undefined;
    }
  }

  // The deliveries of the events still waiting for their first run: a replayed fan-out finds
  // the ones its earlier run planned but did not finish.
  private async pending(m: EntityManager, eventIds: string[]): Promise<PendingDelivery[]> {
    const rows = await m.query<Array<{ id: string; channel: DeliveryChannel; event_id: string }>>(
      `SELECT id, channel, event_id FROM notification_delivery
        WHERE event_id = ANY($1::uuid[]) AND status = $2 AND retries = 0
        ORDER BY id`,
      [eventIds, DeliveryStatus.PENDING],
    );
    return rows.map((r) => ({ id: r.id, channel: r.channel, eventId: r.event_id }));
  }
}

// What the fan-out needs of a stored event.
type StoredEvent = Pick<NotificationEvent, 'id' | 'key' | 'type'>;

// A delivery row as planned, in the table's column names.
interface PlannedRow {
  event_id: string;
  recipient_id: string;
  role: NotificationDelivery['role'];
  organization_id: string | null;
  channel: DeliveryChannel;
  mode: DeliveryMode;
  status: DeliveryStatus;
}

export type PendingDelivery = Pick<NotificationDelivery, 'id' | 'channel' | 'eventId'>;

// An event with the audience its context gave it, ready to be fanned out.
interface Addressed {
  event: DomainEvent;
  type: NotificationEventType;
  audience: EventAudience;
}

const fulfilled = (value: FanOutOutcome): PromiseFulfilledResult<FanOutOutcome> => ({
  status: 'fulfilled',
  value,
});

// What a failure says, whatever was thrown, short enough for one log line.
const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300);

// fn over the items, at most `limit` at once, each result settled in the items' order.
async function settledEach<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<Array<PromiseSettledResult<R>>> {
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i]) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The delivery jobs of a fanned-out batch, each under an id that is a digest of its deliveries:
// a replay that finds the same deliveries pending queues the same jobs (BullMQ keeps one); one
// that finds fewer queues others, whose claim leaves rows another job holds to it and finds the
// sent ones done.
// - E-mails: the batch's e-mails together, EMAILS_PER_JOB per job in delivery order. Their job's
//   transaction, its BullMQ round trips and its four statements were most of what an event cost
//   the pipeline beyond sending; an e-mail that cannot be rendered or is refused fails only its
//   own delivery (EmailDeliveryService), so mixing events costs no isolation.
// - In-app rows the fan-out could not store: one job per event, as their storing is all or
//   nothing, so one event's message that cannot be rendered holds back no other event's.
export function jobsFor(pending: readonly PendingDelivery[]): OutboxJob[] {
  const emails = pending.filter((d) => d.channel === DeliveryChannel.EMAIL);
  const inApp = pending.filter((d) => d.channel === DeliveryChannel.IN_APP);
  const chunks = [
    ...chunksOf(emails, EMAILS_PER_JOB),
    ...[...groupBy(inApp, (d) => d.eventId).values()].flatMap((ofEvent) =>
      chunksOf(ofEvent, BATCH_SIZE),
    ),
  ];
  return chunks.map((chunk) => {
    const ids = chunk.map((d) => d.id);
    return {
      jobName: CHANNEL_JOBS[chunk[0].channel],
      // The fan-out's own run (an operator's retry of one of these is a later one).
      payload: { deliveryIds: ids, retries: 0 },
      jobId: deliveryRunJobId('delivery', digestOf(ids)),
    };
  });
}

const chunksOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

const digestOf = (ids: readonly string[]) =>
  createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 32);

// One delivery per person: someone who is both region staff and supervisor hears once, in the
// first capacity the event names them.
function uniqueRecipients(recipients: readonly Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const r of recipients) if (!seen.has(r.userId)) seen.set(r.userId, r);
  return [...seen.values()];
}
