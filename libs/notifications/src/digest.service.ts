import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, JobAttempt, OutboxService } from '@tsunagu/core';
import { User } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { recordFailedAttempt } from './delivery-attempts';
import { deliveryRunJobId } from './delivery-job-ids';
import { DeliveryStatus } from './delivery-kinds';
import { renderDigestEmail } from './email/email-layout';
import { MailTransport } from './email/mail-transport';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationDigest } from './notification-digest.entity';
import { NotificationEvent } from './notification-event.entity';
import { actionPath, appUrl, PREFERENCES_PATH, renderNotification } from './notification-templates';

// Daily digests: items people chose to get by e-mail once a day wait IN_DIGEST; once the
// recipient's local DIGEST_HOUR has come (in their own time zone), the sweep gathers them into one
// digest per person and local date, and one job sends it.
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly mail: MailTransport,
    private readonly config: AppConfig,
  ) {}

  // Idempotent: a person has at most one digest per local date (unique key), and an item joins
  // exactly one digest. Items arriving after today's digest wait for tomorrow's.
  async gather(now = new Date()): Promise<number> {
    // One statement for everyone: a zone the database does not know (settings refuse them, but
    // older rows may hold one) falls back to Asia/Tokyo rather than failing every digest.
    const due = await this.dataSource.query<
      Array<{ recipient_id: string; time_zone: string; local_date: string }>
    >(
      `WITH zones AS MATERIALIZED (SELECT name FROM pg_timezone_names),
       pending AS (
         SELECT DISTINCT d.recipient_id, coalesce(z.name, 'Asia/Tokyo') AS time_zone
           FROM notification_delivery d
           JOIN "user" u ON u.id = d.recipient_id
           LEFT JOIN zones z ON z.name = u.time_zone
          WHERE d.status = 'IN_DIGEST' AND d.digest_id IS NULL),
       local AS (
         SELECT recipient_id, time_zone, ($1::timestamptz AT TIME ZONE time_zone) AS local_time
           FROM pending)
       SELECT recipient_id, time_zone, to_char(local_time::date, 'YYYY-MM-DD') AS local_date
         FROM local l
        WHERE extract(hour FROM local_time) >= $2
          AND NOT EXISTS (SELECT 1 FROM notification_digest g
                           WHERE g.recipient_id = l.recipient_id AND g.local_date = local_time::date)`,
      [now, this.config.DIGEST_HOUR],
    );
    let gathered = 0;
    for (const row of due) {
      const created = await this.dataSource.transaction(async (m) => {
        const [digest] = await m.query<Array<{ id: string }>>(
          `INSERT INTO notification_digest (recipient_id, local_date, time_zone, status)
           VALUES ($1, $2, $3, 'PENDING')
           ON CONFLICT (recipient_id, local_date) DO NOTHING RETURNING id`,
          [row.recipient_id, row.local_date, row.time_zone],
        );
        if (!digest) return false;
        await m.query(
          `UPDATE notification_delivery SET digest_id = $2
            WHERE recipient_id = $1 AND status = 'IN_DIGEST' AND digest_id IS NULL`,
          [row.recipient_id, digest.id],
        );
        await this.outbox.add(
          m,
          'deliver.digest',
          { digestId: digest.id },
          deliveryRunJobId('digest', digest.id),
        );
        return true;
      });
      if (created) gathered += 1;
    }
    if (gathered) this.logger.log(`gathered ${gathered} daily digest(s)`);
    return gathered;
  }

  // Sends one digest e-mail; like single e-mails, at most once after the server accepted it.
  async deliver(digestId: string, attempt: JobAttempt): Promise<'sent' | 'skipped'> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const digest = await m.getRepository(NotificationDigest).findOne({
          where: { id: digestId },
          lock: { mode: 'pessimistic_write' },
        });
        if (digest?.status !== DeliveryStatus.PENDING) return 'skipped';
        const recipient = await m.getRepository(User).findOneByOrFail({ id: digest.recipientId });
        const items = await m
          .getRepository(NotificationDelivery)
          .createQueryBuilder('d')
          .innerJoinAndMapOne('d.event', NotificationEvent, 'e', 'e.id = d.eventId')
          .where('d.digestId = :digestId', { digestId })
          .orderBy('e.occurredAt', 'ASC')
          .addOrderBy('d.id', 'ASC')
          .getMany();
        if (items.length > 0) {
          const content = renderDigestEmail({
            locale: recipient.locale,
            localDate: digest.localDate,
            timeZone: digest.timeZone,
            preferencesUrl: appUrl(this.config, PREFERENCES_PATH),
            items: items.map((d) => {
              const path = actionPath(d.event!.links, d);
              return {
                ...renderNotification(d.event!.type, recipient.locale, d.event!.vars, d.role),
                actionUrl: path && appUrl(this.config, path),
                occurredAt: d.event!.occurredAt,
              };
            }),
          });
          const sent = await this.mail.send({
            to: recipient.email,
            ...content,
            messageId: `<digest.${digest.id}@tsunagu>`,
          });
          digest.receipt = sent.response.slice(0, 500);
        }
        const sentAt = new Date();
        await m.update(NotificationDigest, digest.id, {
          status: DeliveryStatus.SENT,
          receipt: digest.receipt,
          sentAt,
          attempts: () => 'attempts + 1',
        });
        await m.update(
          NotificationDelivery,
          { digestId: digest.id },
          { status: DeliveryStatus.SENT, sentAt },
        );
        return 'sent' as const;
      });
    } catch (error) {
      throw await recordFailedAttempt(
        this.dataSource,
        'notification_digest',
        digestId,
        attempt,
        error,
      );
    }
  }
}
