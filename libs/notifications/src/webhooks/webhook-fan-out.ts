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
    event: NotificationEvent,
    organizationIds: string[],
  ): Promise<number> {
    const organizations = [...new Set(organizationIds)];
    if (organizations.length === 0) return 0;
    // One statement: the CTE's insert is invisible to the outer SELECT (same snapshot), hence
    // the UNION of what was inserted now and what an earlier plan left PENDING.
    const rows: Array<{ id: string }> = await manager.query(
      `WITH targets AS (
         SELECT id FROM webhook_endpoint
          WHERE organization_id = ANY($1::uuid[]) AND enabled AND $2 = ANY(event_types)
       ), inserted AS (
         INSERT INTO webhook_delivery (endpoint_id, event_id, status)
         SELECT id, $3, $4 FROM targets
         ON CONFLICT (endpoint_id, event_id) DO NOTHING
         RETURNING id
       )
       SELECT id FROM inserted
       UNION
       SELECT d.id FROM webhook_delivery d JOIN targets t ON t.id = d.endpoint_id
        WHERE d.event_id = $3 AND d.status = $4`,
      [organizations, event.type, event.id, DeliveryStatus.PENDING],
    );
    await this.outbox.addMany(
      manager,
      rows.map(({ id }) => ({
        jobName: 'deliver.webhook' as const,
        payload: { deliveryId: id },
        jobId: deliveryRunJobId('webhook-delivery', id),
      })),
    );
    return rows.length;
  }
}
