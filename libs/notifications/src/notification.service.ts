import { Injectable } from '@nestjs/common';
import { AppError, Connection, paginateKeyset } from '@tsunagu/core';
import { Membership, User } from '@tsunagu/identity';
import { Application } from '@tsunagu/engagements';
import { DataSource } from 'typeorm';
import { render } from './notification-templates';
import { Notification } from './notification.entity';

export type DeliveryOutcome = { delivered: number } | { skipped: string };

@Injectable()
export class NotificationService {
  constructor(private readonly dataSource: DataSource) {}

  // Idempotent: the unique (eventKey, recipient) key makes a re-run insert nothing new.
  async notifyApplicationSubmitted(applicationId: string): Promise<DeliveryOutcome> {
    const application = await this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.project', 'p')
      .innerJoinAndSelect('a.participant', 'profile')
      .innerJoinAndSelect('profile.user', 'applicant')
      .where('a.id = :applicationId', { applicationId })
      .getOne();
    if (!application) return { skipped: `application ${applicationId} no longer exists` };
    const project = application.project!;
    const staff = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(Membership, 'm', 'm.userId = u.id')
      .where('m.organizationId = :orgId', { orgId: project.regionOrganizationId })
      .getMany();
    if (staff.length === 0) return { skipped: 'the region has no staff' };
    const eventKey = `application-submitted.${application.id}`;
    const rows = staff.map((recipient) => ({
      recipientId: recipient.id,
      eventKey,
      type: 'APPLICATION_SUBMITTED',
      ...render('application-submitted', recipient.locale, {
        applicant: application.participant!.user!.displayName,
        project: project.title,
      }),
      data: { projectId: project.id, applicationId: application.id },
    }));
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(rows)
      .orIgnore()
      .execute();
    return { delivered: result.identifiers.filter(Boolean).length };
  }

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
      keys: ['n.createdAt', 'n.id'],
    });
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientId = :userId AND n.readAt IS NULL', { userId })
      .getCount();
  }

  // Only the recipient may mark it; someone else's id looks like a missing one.
  async markRead(userId: string, notificationId: string): Promise<Notification> {
    const repo = this.dataSource.getRepository(Notification);
    const notification = await repo.findOneBy({ id: notificationId, recipientId: userId });
    if (!notification) throw AppError.notFound('Notification', notificationId);
    if (!notification.readAt) {
      await repo
        .createQueryBuilder()
        .update()
        .set({ readAt: () => 'now()' })
        .where('id = :id AND read_at IS NULL', { id: notificationId })
        .execute();
    }
    return repo.findOneByOrFail({ id: notificationId });
  }
}
