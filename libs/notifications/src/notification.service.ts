import { Injectable } from '@nestjs/common';
import { AppError, Connection, paginateKeyset } from '@tsunagu/core';
import { Membership, User } from '@tsunagu/identity';
import { ApplicationService } from '@tsunagu/engagements';
import { DataSource } from 'typeorm';
import { render } from './notification-templates';
import { Notification } from './notification.entity';

export type DeliveryOutcome = { delivered: number } | { skipped: string };

@Injectable()
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationService,
  ) {}

  // Idempotent: the unique (eventKey, recipient) key makes a re-run insert nothing new.
  async notifyApplicationSubmitted(applicationId: string): Promise<DeliveryOutcome> {
    const application = await this.applications.find(applicationId);
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
