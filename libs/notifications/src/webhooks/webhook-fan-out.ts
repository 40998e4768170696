import { Injectable } from '@nestjs/common';
import { OutboxService } from '@tsunagu/core';
import { EntityManager } from 'typeorm';
import { DeliveryStatus } from '../delivery-kinds';
import type { NotificationEvent } from '../notification-event.entity';
import { deliveryRunJobId } from '../delivery-job-ids';

// Plans the webhook calls an event causes, inside the caller's transaction: one delivery per
// enabled endpoint of the organisations concerned that subscribed to the event's type, and its
// job through the outbox. The unique (endpoint, event) key makes a replay plan nothing new; a
// delivery still PENDING gets its (deterministic) job again, which the outbox ignores.
@Injectable()
export class WebhookFanOut {
  constructor(private readonly outbox: OutboxService) {}

  async plan(
    manager: EntityManager,
    event: Pick<NotificationEvent, 'id' | 'type'>,
    organizationIds: string[],
  ): Promise<number> {
    const planned = await this.planEach(manager, [{ event, organizationIds }]);
    return planned.get(event.id) ?? 0;
  }

  // plan for several events in one statement (and one outbox insert): how many webhook
  // deliveries each event has waiting, by event id.
  async planEach(
    manager: EntityManager,
    events: ReadonlyArray<{
      event: Pick<NotificationEvent, 'id' | 'type'>;
      organizationIds: string[];
    }>,
  ): Promise<Map<string, number>> {
    // One (event, organisation) pair per row, for unnest.
    const pairs = events.flatMap(({ event, organizationIds }) =>
      [...new Set(organizationIds)].map((organizationId) => ({ event, organizationId })),
    );
    const planned = new Map<string, number>();
    if (pairs.length === 0) return planned;
    // One statement: the CTE's insert is invisible to the outer SELECT (same snapshot), hence
    // the UNION of what was inserted now and what an earlier plan left PENDING.
    const rows: Array<{ id: string; event_id: string }> = await manager.query(
      `WITH wanted AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS w(event_id, event_type, organization_id)
       ), targets AS (
         SELECT DISTINCT e.id AS endpoint_id, w.event_id
           FROM webhook_endpoint e JOIN wanted w ON w.organization_id = e.organization_id
          WHERE e.enabled AND w.event_type = ANY(e.event_types)
       ), inserted AS (
         INSERT INTO webhook_delivery (endpoint_id, event_id, status)
         SELECT endpoint_id, event_id, $4 FROM targets
         ON CONFLICT (endpoint_id, event_id) DO NOTHING
         RETURNING id, event_id
       )
       SELECT id, event_id FROM inserted
       UNION
       SELECT d.id, d.event_id FROM webhook_delivery d
         JOIN targets t ON t.endpoint_id = d.endpoint_id AND t.event_id = d.event_id
        WHERE d.status = $4`,
      [
        pairs.map((p) => p.event.id),
        pairs.map((p) => p.event.type),
        pairs.map((p) => p.organizationId),
        DeliveryStatus.PENDING,
      ],
    );
    await this.outbox.addMany(
      manager,
      rows.map(({ id }) => ({
        jobName: 'deliver.webhook' as const,
        payload: { deliveryId: id },
        jobId: deliveryRunJobId('webhook-delivery', id),
      })),
    );
    for (const { event_id } of rows) planned.set(event_id, (planned.get(event_id) ?? 0) + 1);
    return planned;
  }
}
