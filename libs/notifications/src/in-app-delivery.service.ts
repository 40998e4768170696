import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryRun, JobAttempt } from '@tsunagu/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { claimDeliveries, markSent, recordFailedAttempt } from './delivery-attempts';
import { LiveNotifications } from './live/live-notifications';
import { Notification } from './notification.entity';

// Stores in-app notifications — a batch of deliveries in the caller's transaction: one multi-row
// insert, one read back, one update — and pushes each to its recipient's open subscriptions. The
// notification's unique (event key, recipient) and the deliveries' row locks make a retried or
// duplicated run store nothing twice. The fan-out stores an event's rows itself, in its own
// transaction; the `deliver.in-app` job is left for an operator's retry of a dead delivery.
@Injectable()
export class InAppDeliveryService {
  private readonly logger = new Logger(InAppDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveNotifications,
  ) {}

  // How many were stored by this call (0: every one was done already).
  async deliver(run: DeliveryRun, attempt: JobAttempt): Promise<number> {
    let stored: Notification[];
    try {
      stored = await this.dataSource.transaction((m) => this.store(m, run));
    } catch (error) {
      throw await recordFailedAttempt(
        this.dataSource,
        'notification_delivery',
        run.ids,
        attempt,
        error,
        run.retries,
      );
    }
    await this.push(stored);
    return stored.length;
  }

  // In the caller's transaction: the notifications of the deliveries still PENDING, stored and
  // their deliveries marked SENT. Push what it returns once that transaction has committed.
  async store(m: EntityManager, run: DeliveryRun): Promise<Notification[]> {
    const claimed = await claimDeliveries(m, run);
    if (claimed.length === 0) return [];
    // The rows as one JSON parameter: a query builder's parameter per value cost more than the
    // statement.
    const values = claimed.map(({ delivery, event, recipient, render }) => ({
      recipient_id: recipient.id,
      event_key: event.key,
      type: event.type,
      // A message that cannot be rendered fails the whole batch: stored all or nothing.
      ...render(),
      // The recipient's own organisation joins the event's ids: where their link leads.
      data: delivery.organizationId
        ? { ...event.links, organizationId: delivery.organizationId }
        : event.links,
      facts: event.vars,
      audience: delivery.role,
    }));
    await m.query(
      `INSERT INTO notification (recipient_id, event_key, type, title, body, data, facts, audience)
       SELECT recipient_id, event_key, type, title, body, data, facts, audience
         FROM jsonb_to_recordset($1::jsonb)
           AS n(recipient_id uuid, event_key text, type text, title text, body text, data jsonb,
                facts jsonb, audience text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(values)],
    );
    // Read back rather than RETURNING: a row stored by an earlier run is the receipt too.
    const rows = await m.getRepository(Notification).findBy({
      eventKey: In([...new Set(claimed.map((c) => c.event.key))]),
      recipientId: In([...new Set(claimed.map((c) => c.recipient.id))]),
    });
    const byKey = new Map(rows.map((n) => [`${n.eventKey} ${n.recipientId}`, n]));
    const notifications = claimed.map((c) => byKey.get(`${c.event.key} ${c.recipient.id}`)!);
    await markSent(
      m,
      claimed.map((c, i) => ({ deliveryId: c.delivery.id, receipt: notifications[i].id })),
    );
    return notifications;
  }

  // Live push is best effort: the notifications are stored, and a client that missed the push
  // sees them in myNotifications when it reconnects.
  async push(stored: readonly Notification[]): Promise<void> {
    await Promise.all(
      stored.map((n) =>
        this.live
          .publish(n)
          .catch((error: unknown) =>
            this.logger.warn(`live push of ${n.id} failed: ${(error as Error).message}`),
          ),
      ),
    );
  }
}
