import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  Connection,
  groupBy,
  mapConnection,
  OutboxService,
  Page,
  paginateKeyset,
  ConflictReason,
} from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { DeliveryStatus } from '../delivery-kinds';
import { WebhookAccess } from './webhook-access';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { deliveryRunJobId } from '../delivery-job-ids';
import { LoadedWebhookDelivery, toWebhookDeliveryType } from './webhook-mapping';
import type { WebhookDeliveryType } from './webhook.types';

// What an organisation sees of its webhook calls, and the one thing it can do about a call that
// gave up: try it again. Operators (platform admins) also see the dead ones of every
// organisation, to notice a receiver that is down before its owners do.
@Injectable()
export class WebhookDeliveryLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WebhookAccess,
    private readonly outbox: OutboxService,
  ) {}

  // An endpoint's deliveries, newest first.
  async list(
    actor: Actor,
    endpointId: string,
    page: Page,
    status?: DeliveryStatus,
  ): Promise<Connection<WebhookDeliveryType>> {
    await this.access.endpoint(this.dataSource.manager, actor, endpointId);
    const qb = this.deliveries().where('d.endpointId = :endpointId', { endpointId });
    if (status) qb.andWhere('d.status = :status', { status });
    return this.page(qb, page);
  }

  // Every organisation's DEAD deliveries, newest first. Platform admins only.
  async deadLetters(actor: Actor, page: Page): Promise<Connection<WebhookDeliveryType>> {
    this.access.assertOperator(actor);
    const qb = this.deliveries().where('d.status = :status', { status: DeliveryStatus.DEAD });
    return this.page(qb, page);
  }

  private deliveries(): SelectQueryBuilder<WebhookDelivery> {
    return this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.event', 'ev')
      .innerJoinAndSelect('d.endpoint', 'e');
  }

  // Each with its attempts (one query for the whole page).
  private async page(
    qb: SelectQueryBuilder<WebhookDelivery>,
    page: Page,
  ): Promise<Connection<WebhookDeliveryType>> {
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('d.createdAt'), byId('d.id')],
    });
    const attempts = await this.attemptsOf(connection.edges.map((e) => e.node.id));
    return mapConnection(connection, (d) =>
      toWebhookDeliveryType(d as LoadedWebhookDelivery, attempts.get(d.id) ?? []),
    );
  }

  // A DEAD delivery of an enabled endpoint goes back to PENDING with a fresh job (the first
  // job's id is spent). Its attempt count starts again; the log keeps the earlier calls. For the
  // endpoint's owners and for platform admins (acting on webhookDeadLetters).
  async retry(actor: Actor, deliveryId: string): Promise<WebhookDeliveryType> {
    await this.dataSource.transaction(async (m) => {
      const delivery = await m.getRepository(WebhookDelivery).findOne({
        where: { id: deliveryId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw AppError.notFound('Webhook delivery', deliveryId);
      const endpoint = await this.access.endpoint(m, actor, delivery.endpointId);
      if (!endpoint.enabled) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'The webhook endpoint is disabled: re-enable it (updateWebhookEndpoint with enabled: true) before retrying',
        );
      }
      if (delivery.status !== DeliveryStatus.DEAD) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          `Only a DEAD delivery can be retried; this one is ${delivery.status}`,
        );
      }
      const retries = delivery.retries + 1;
      await m.getRepository(WebhookDelivery).update(delivery.id, {
        status: DeliveryStatus.PENDING,
        attempts: 0,
        retries,
        claimedUntil: null,
      });
      await this.outbox.add(
        m,
        'deliver.webhook',
        { deliveryId: delivery.id },
        deliveryRunJobId('webhook-delivery', delivery.id, retries),
      );
    });
    return this.get(deliveryId);
  }

  private async get(deliveryId: string): Promise<WebhookDeliveryType> {
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneOrFail({
      where: { id: deliveryId },
      relations: { event: true, endpoint: true },
    });
    const attempts = await this.attemptsOf([deliveryId]);
    return toWebhookDeliveryType(delivery as LoadedWebhookDelivery, attempts.get(deliveryId) ?? []);
  }

  private async attemptsOf(deliveryIds: string[]): Promise<Map<string, WebhookAttempt[]>> {
    if (deliveryIds.length === 0) return new Map();
    const attempts = await this.dataSource.getRepository(WebhookAttempt).find({
      where: { deliveryId: In(deliveryIds) },
      order: { attemptedAt: 'ASC', id: 'ASC' },
    });
    return groupBy(attempts, (a) => a.deliveryId);
  }
}
