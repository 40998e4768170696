import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { EntityManager } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';

// Webhooks carry the organisation's event stream to a system of its choosing, so they are the
// organisation's owners' to manage (or a platform admin's): the same rule as its memberships.
@Injectable()
export class WebhookAccess {
  constructor(private readonly policy: PolicyService) {}

  assertCanManage(actor: Actor, organizationId: string): void {
    this.policy.assert(
      this.policy.canManageOrganization(actor, organizationId),
      "Only the organisation's owners or platform admins manage its webhooks",
    );
  }

  // Operators' views across organisations.
  assertOperator(actor: Actor): void {
    this.policy.assert(
      this.policy.isPlatformAdmin(actor),
      "Only platform admins see every organisation's webhook deliveries",
    );
  }

  // The endpoint, if the actor may manage it; `lock` for changes made in the same transaction.
  async endpoint(
    m: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<WebhookEndpoint> {
    const endpoint = await m.getRepository(WebhookEndpoint).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!endpoint) throw AppError.notFound('Webhook endpoint', id);
    this.assertCanManage(actor, endpoint.organizationId);
    return endpoint;
  }
}
