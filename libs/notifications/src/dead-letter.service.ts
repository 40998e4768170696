import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  ConflictReason,
  Connection,
  OutboxService,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { DeliveryChannel, DeliveryStatus } from './delivery-kinds';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationDigest } from './notification-digest.entity';
import { CHANNEL_JOBS } from './notification-fan-out.service';
import { deliveryRunJobId } from './delivery-job-ids';

// What operators see of deliveries and digests, and their retry after the dead-letter state. A
// retry is a fresh job (its own id and attempts); the row's attempt count keeps growing, so its
// history stays readable.
@Injectable()
export class DeadLetterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  deliveries(
    filter: { status?: DeliveryStatus | null; channel?: DeliveryChannel | null },
    page: Page,
  ): Promise<Connection<NotificationDelivery>> {
    const qb = this.dataSource
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.event', 'e');
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.channel) qb.andWhere('d.channel = :channel', { channel: filter.channel });
    return paginateKeyset(qb, { ...page, keys: [byTimestamp('d.createdAt'), byId('d.id')] });
  }

  digests(
    status: DeliveryStatus | null | undefined,
    page: Page,
  ): Promise<Connection<NotificationDigest>> {
    const qb = this.dataSource.getRepository(NotificationDigest).createQueryBuilder('g');
    if (status) qb.andWhere('g.status = :status', { status });
    return paginateKeyset(qb, { ...page, keys: [byTimestamp('g.createdAt'), byId('g.id')] });
  }

  async retryDelivery(id: string): Promise<NotificationDelivery> {
    await this.dataSource.transaction(async (m) => {
      const delivery = await m.getRepository(NotificationDelivery).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw AppError.notFound('NotificationDelivery', id);
      assertDead(delivery.status);
      // A digest item goes out again with its digest: retry that instead.
      if (delivery.digestId) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'This delivery belongs to a daily digest: retry the digest',
        );
      }
      const retries = delivery.retries + 1;
      await m.update(NotificationDelivery, id, { status: DeliveryStatus.PENDING, retries });
      await this.outbox.add(
        m,
        CHANNEL_JOBS[delivery.channel],
        { deliveryIds: [id], retries },
        deliveryRunJobId('delivery', id, retries),
      );
    });
    return this.dataSource.getRepository(NotificationDelivery).findOneOrFail({
      where: { id },
      relations: { event: true },
    });
  }

  async retryDigest(id: string): Promise<NotificationDigest> {
    await this.dataSource.transaction(async (m) => {
      const digest = await m.getRepository(NotificationDigest).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!digest) throw AppError.notFound('NotificationDigest', id);
      assertDead(digest.status);
      const retries = digest.retries + 1;
      await m.update(NotificationDigest, id, { status: DeliveryStatus.PENDING, retries });
      await this.outbox.add(
        m,
        'deliver.digest',
        { digestId: id },
        deliveryRunJobId('digest', id, retries),
      );
    });
    return this.dataSource.getRepository(NotificationDigest).findOneByOrFail({ id });
  }
}

function assertDead(status: DeliveryStatus): void {
  if (status !== DeliveryStatus.DEAD) {
    throw AppError.conflict(
      ConflictReason.WRONG_STATUS,
      `Only a DEAD delivery can be retried; this one is ${status}`,
    );
  }
}
