import { Injectable } from '@nestjs/common';
import { AppError, byId, byTimestamp, Connection, paginateKeyset } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { Notification } from './notification.entity';

// The in-app inbox: what a person was told, newest first, and what they have read.
@Injectable()
export class NotificationService {
  constructor(private readonly dataSource: DataSource) {}

  listMine(
    userId: string,
    page: { first: number; after?: string },
    unreadOnly: boolean,
  ): Promise<Connection<Notification>> {
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientId = :userId', { userId });
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    return paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('n.createdAt'), byId('n.id')],
    });
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientId = :userId AND n.readAt IS NULL', { userId })
      .getCount();
  }

  // Returns how many were unread.
  async markAllRead(userId: string): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('recipient_id = :userId AND read_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  async markRead(userId: string, notificationId: string): Promise<Notification> {
    // Marking twice keeps the first read time; someone else's id looks like a missing one.
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'coalesce(read_at, now())' })
      .where('id = :id AND recipient_id = :userId', { id: notificationId, userId })
      .execute();
    if (!result.affected) throw AppError.notFound('Notification', notificationId);
    return this.dataSource.getRepository(Notification).findOneByOrFail({ id: notificationId });
  }
}
