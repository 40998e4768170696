import { QUEUE_NAMES } from '@tsunagu/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { MailCounter } from '../mail-counter';

// What the fault harness checks once the system has settled, straight from PostgreSQL, Redis
// and the SMTP counter: never from the apps' own view of themselves.

export interface Backlog {
  outboxPending: number;
  // waiting + active + prioritized + delayed, not counting the schedulers' next runs.
  queued: number;
  // Deliveries not done yet (PENDING), account mails not sent yet, and scoring subjects behind
  // their revision.
  deliveriesPending: number;
  accountMailsPending: number;
  scoringBehind: number;
}

export interface Findings {
  effectsExpected: number;
  effectsObserved: number;
  duplicates: number;
  lost: number;
  invariantViolations: number;
  // E-mails received again under the same Message-ID: the documented window (a process dying
  // between the SMTP server's acceptance and the commit), which mail systems de-duplicate.
  emailRepeatsSameMessageId: number;
  failedJobs: number;
  detail: Record<string, number>;
}

async function count(db: Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

export class FaultChecks {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.prefix });
      // Redis restarts under it on purpose.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    for (const queue of this.queues.values()) await queue.close();
  }

  async queueCounts(): Promise<{ queued: number; active: number; failed: number }> {
    let queued = 0;
    let active = 0;
    let failed = 0;
    for (const name of QUEUE_NAMES) {
      const queue = this.queue(name);
      const c = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed', 'failed');
      // A job scheduler (hourly sweeps) always keeps its next run as a delayed job.
      const delayed = await queue.getDelayed(0, 1000);
      const scheduled = delayed.filter((job) => job.repeatJobKey).length;
      queued += c.waiting + c.active + c.prioritized + c.delayed - scheduled;
      active += c.active;
      failed += c.failed;
    }
    return { queued, active, failed };
  }

  async backlog(db: Pool): Promise<Backlog> {
    return {
      outboxPending: await count(
        db,
        `SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL`,
      ),
      queued: (await this.queueCounts()).queued,
      deliveriesPending: await count(
        db,
        `SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'PENDING'`,
      ),
      accountMailsPending: await count(
        db,
        `SELECT count(*)::int AS n FROM account_mail WHERE sent_at IS NULL`,
      ),
      scoringBehind: await count(
        db,
        `SELECT count(*)::int AS n FROM scoring_subject WHERE scored_revision < revision`,
      ),
    };
  }

  // `made`: what the workload's calls were told succeeded (written at once, in the request).
  async findings(
    db: Pool,
    mail: MailCounter,
    staffPerRegion: number,
    made: { applications: number; checkIns: number },
  ): Promise<Findings> {
    const detail: Record<string, number> = {};
    // In-app: every region staff member hears of every application once.
    const applications = await count(db, `SELECT count(*)::int AS n FROM engagement`);
    const inAppExpected = applications * staffPerRegion;
    const inAppObserved = await count(
      db,
      `SELECT count(DISTINCT (n.event_key, n.recipient_id))::int AS n
         FROM engagement a
         JOIN project p ON p.id = a.project_id
         JOIN membership m ON m.organization_id = p.region_organization_id
         JOIN notification n ON n.event_key = 'application-submitted.' || a.id
                            AND n.recipient_id = m.user_id`,
    );
    const inAppDuplicates = await count(
      db,
      `SELECT (count(*) - count(DISTINCT (event_key, recipient_id)))::int AS n FROM notification`,
    );
    // Every in-app delivery planned for any event (acceptances and the rest too) was stored.
    const inAppDeliveries = await count(
      db,
      `SELECT count(*)::int AS n FROM notification_delivery WHERE channel = 'IN_APP'`,
    );
    const inAppDeliveriesStored = await count(
      db,
      `SELECT count(*)::int AS n FROM notification_delivery d
         JOIN notification_event e ON e.id = d.event_id
         JOIN notification n ON n.event_key = e.key AND n.recipient_id = d.recipient_id
        WHERE d.channel = 'IN_APP' AND d.status = 'SENT'`,
    );

    // E-mail: one planned per application and staff member (their default is IMMEDIATELY), and
    // every planned e-mail delivery arrived under its own Message-ID.
    const emailsPlannedForApplications = await count(
      db,
      `SELECT count(*)::int AS n FROM engagement a
         JOIN notification_event e ON e.key = 'application-submitted.' || a.id
         JOIN notification_delivery d ON d.event_id = e.id AND d.channel = 'EMAIL'`,
    );
    // Digest-mode deliveries (the routine, for regions and intermediaries) wait for the
    // recipient's daily digest hour: not due within the run.
    const { rows: emailDeliveries } = await db.query<{ id: string; status: string }>(
      `SELECT id, status FROM notification_delivery
        WHERE channel = 'EMAIL' AND status <> 'IN_DIGEST'`,
    );
    const emailsForDigest = await count(
      db,
      `SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'IN_DIGEST'`,
    );
    const planned = new Set(emailDeliveries.map((d) => `<delivery.${d.id}@tsunagu>`));
    // Account mails (verification at sign-up) are sent exactly once too, apart from notifications:
    // each row's mail arrived (a missing one is lost), none twice.
    const { rows: accountMails } = await db.query<{ id: string }>(`SELECT id FROM account_mail`);
    const accountPlanned = new Set(accountMails.map((m) => `<account-mail.${m.id}@tsunagu>`));
    let emailsArrived = 0;
    let accountMailsArrived = 0;
    let emailRepeats = 0;
    let unplannedEmails = 0;
    for (const [messageId, copies] of mail.byMessageId) {
      if (planned.has(messageId)) {
        emailsArrived++;
        emailRepeats += copies - 1;
      } else if (accountPlanned.has(messageId)) {
        accountMailsArrived++;
        emailRepeats += copies - 1;
      } else unplannedEmails += copies;
    }

    // Scoring: every subject's stored lists reached its latest revision.
    const subjects = await count(db, `SELECT count(*)::int AS n FROM scoring_subject`);
    const scoringBehind = await count(
      db,
      `SELECT count(*)::int AS n FROM scoring_subject WHERE scored_revision < revision`,
    );

    // Written in the request: one row per call that succeeded, none for a retried one.
    const checkIns = await count(db, `SELECT count(*)::int AS n FROM engagement_check_in`);

    // Invariants: no project holds more seats than it has; no delivery given up on.
    const overCapacity = await count(
      db,
      `SELECT count(*)::int AS n FROM project p
        WHERE (SELECT count(*) FROM engagement a
                WHERE a.project_id = p.id
                  AND a.status IN ('ACCEPTED', 'APPROVED', 'ACTIVE', 'COMPLETED')) > p.capacity`,
    );
    const deadDeliveries = await count(
      db,
      `SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'DEAD'`,
    );
    const notSent = await count(
      db,
      `SELECT count(*)::int AS n FROM notification_delivery WHERE status NOT IN ('SENT', 'IN_DIGEST')`,
    );

    Object.assign(detail, {
      applications,
      check_ins: checkIns,
      in_app_expected: inAppExpected,
      in_app_observed: inAppObserved,
      in_app_deliveries: inAppDeliveries,
      in_app_deliveries_stored: inAppDeliveriesStored,
      emails_planned_for_applications: emailsPlannedForApplications,
      email_deliveries: emailDeliveries.length,
      emails_arrived: emailsArrived,
      account_mails: accountMails.length,
      account_mails_arrived: accountMailsArrived,
      emails_unplanned: unplannedEmails,
      emails_received: mail.received,
      emails_waiting_for_digest: emailsForDigest,
      scoring_subjects: subjects,
      scoring_behind: scoringBehind,
      deliveries_dead: deadDeliveries,
      deliveries_not_sent: notSent,
    });
    const expected = [
      made.applications,
      made.checkIns,
      inAppExpected,
      inAppDeliveries,
      inAppExpected, // planned e-mails for applications, one per staff member
      emailDeliveries.length,
      accountMails.length,
      subjects,
    ];
    const observed = [
      applications,
      checkIns,
      inAppObserved,
      inAppDeliveriesStored,
      emailsPlannedForApplications,
      emailsArrived,
      accountMailsArrived,
      subjects - scoringBehind,
    ];
    const effectsExpected = expected.reduce((a, b) => a + b, 0);
    const effectsObserved = observed.reduce((a, b) => a + b, 0);
    return {
      effectsExpected,
      effectsObserved,
      duplicates:
        Math.max(0, applications - made.applications) +
        Math.max(0, checkIns - made.checkIns) +
        inAppDuplicates +
        unplannedEmails +
        Math.max(0, inAppObserved - inAppExpected) +
        Math.max(0, emailsPlannedForApplications - inAppExpected),
      lost: expected.reduce((sum, e, i) => sum + Math.max(0, e - observed[i]), 0),
      invariantViolations: overCapacity + deadDeliveries,
      emailRepeatsSameMessageId: emailRepeats,
      failedJobs: (await this.queueCounts()).failed,
      detail,
    };
  }
}
