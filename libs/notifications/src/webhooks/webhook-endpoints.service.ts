import { Injectable } from '@nestjs/common';
import { AppConfig, AppError, ConflictReason } from '@tsunagu/core';
import { NOTIFICATION_EVENT_TYPES, NotificationEventType } from '../notified-events';
import { Actor, Organization } from '@tsunagu/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WebhookAccess } from './webhook-access';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { webhookUrlProblem } from './webhook-url';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.types';

// Enough for a CRM, a chat bridge and a test receiver per organisation, with room to spare;
// each endpoint multiplies every event's calls.
export const MAX_ENDPOINTS_PER_ORGANIZATION = 10;

export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

function newSecret(): string {
  return randomBytes(32).toString('hex');
}

// Stored in the order of NOTIFICATION_EVENT_TYPES, so two equal subscriptions look equal.
function canonicalTypes(types: NotificationEventType[]): NotificationEventType[] {
  return NOTIFICATION_EVENT_TYPES.filter((t) => types.includes(t));
}

function cleanDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim();
  return trimmed ? trimmed : null;
}

// An organisation's webhook endpoints: register, change, rotate the secret, remove.
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WebhookAccess,
    private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, organizationId: string): Promise<WebhookEndpoint[]> {
    this.access.assertCanManage(actor, organizationId);
    return this.dataSource
      .getRepository(WebhookEndpoint)
      .find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async create(actor: Actor, input: CreateWebhookEndpointInput): Promise<EndpointWithSecret> {
    this.access.assertCanManage(actor, input.organizationId);
    this.assertUrlAllowed(input.url);
    const secret = newSecret();
    const endpoint = await this.dataSource.transaction(async (m) => {
      // Locks the organisation so two creations at once cannot both pass the count below.
      const organization = await m.getRepository(Organization).findOne({
        where: { id: input.organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!organization) throw AppError.notFound('Organization', input.organizationId);
      const count = await m.getRepository(WebhookEndpoint).countBy({
        organizationId: organization.id,
      });
      if (count >= MAX_ENDPOINTS_PER_ORGANIZATION) {
        throw AppError.conflict(
          ConflictReason.LIMIT_REACHED,
          `An organisation can have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints; delete one first`,
        );
      }
      const repo = m.getRepository(WebhookEndpoint);
      const saved = await repo.save(
        repo.create({
          organizationId: organization.id,
          url: input.url,
          eventTypes: canonicalTypes(input.eventTypes),
          secret,
          description: cleanDescription(input.description),
          createdById: actor.userId,
        }),
      );
      return repo.findOneByOrFail({ id: saved.id });
    });
    return { endpoint, secret };
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    if (input.url !== undefined) this.assertUrlAllowed(input.url);
    return this.dataSource.transaction(async (m) => {
      const endpoint = await this.access.endpoint(m, actor, id, true);
      const changes: Partial<WebhookEndpoint> = {};
      if (input.url !== undefined) changes.url = input.url;
      if (input.eventTypes !== undefined) changes.eventTypes = canonicalTypes(input.eventTypes);
      if (input.description !== undefined) {
        changes.description = cleanDescription(input.description);
      }
      if (input.enabled === true && !endpoint.enabled) {
        // A fresh start: the receiver was fixed, so earlier failures no longer count.
        Object.assign(changes, {
          enabled: true,
          consecutiveFailures: 0,
          disabledAt: null,
          disabledReason: null,
        });
      } else if (input.enabled === false && endpoint.enabled) {
        Object.assign(changes, {
          enabled: false,
          disabledAt: new Date(),
          disabledReason: 'turned off by the organisation',
        });
      }
      if (Object.keys(changes).length > 0) {
        await m.getRepository(WebhookEndpoint).update(endpoint.id, changes);
      }
      return m.getRepository(WebhookEndpoint).findOneByOrFail({ id: endpoint.id });
    });
  }

  // The old secret stops working at once: every call from now on, retries of pending deliveries
  // included, is signed with the new one (each attempt is signed when it is made).
  async rotateSecret(actor: Actor, id: string): Promise<EndpointWithSecret> {
    const secret = newSecret();
    const endpoint = await this.dataSource.transaction(async (m) => {
      const found = await this.access.endpoint(m, actor, id, true);
      await m.getRepository(WebhookEndpoint).update(found.id, { secret });
      return found;
    });
    return { endpoint, secret };
  }

  // Its deliveries and their attempt log go with it; queued jobs find nothing and stop.
  async delete(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const endpoint = await this.access.endpoint(m, actor, id, true);
      await m.getRepository(WebhookEndpoint).delete(endpoint.id);
    });
  }

  private assertUrlAllowed(url: string): void {
    const problem = webhookUrlProblem(url, {
      production: this.config.NODE_ENV === 'production',
      allowPrivateNetworks: this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    });
    if (problem) throw AppError.invalidField(['input', 'url'], problem);
  }
}
