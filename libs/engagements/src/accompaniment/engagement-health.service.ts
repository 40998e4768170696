import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  byId,
  byNumber,
  Connection,
  DomainEventPublisher,
  EventDefinition,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { supervisedProjects } from '../remit-scope';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Engagement } from '../lifecycle/engagement.entity';
import { EngagementAlertKind } from './engagement-accompaniment.entities';
import {
  APPLICATION_UNANSWERED,
  ENGAGEMENT_STALE,
  MILESTONE_OVERDUE,
} from '../lifecycle/engagement-events';
import { EngagementStatus } from '../lifecycle/engagement-state';

export enum EngagementHealth {
  ON_TRACK = 'ON_TRACK',
  NEEDS_ATTENTION = 'NEEDS_ATTENTION',
  STALE = 'STALE',
}

export interface SupervisedEngagement {
  engagement: Engagement;
  health: EngagementHealth;
  lastCheckInAt: Date | null;
  overdueMilestones: number;
}

export interface StaleSweepOutcome {
  alerts: number;
}

// Health, in SQL over an application aliased `a`. The last activity is the newest check-in, or the
// start of the engagement when there is none.
// Dates (due dates, start dates) are Japanese calendar days, whatever the session's time zone: a
// milestone is overdue from the day after its due date in Japan, and an alert's period starts at
// Japanese midnight, so its unique key never moves.
const TODAY_IN_JAPAN = `(now() AT TIME ZONE 'Asia/Tokyo')::date`;
const LAST_CHECK_IN = `(SELECT max(c.created_at) FROM engagement_check_in c WHERE c.engagement_id = a.id)`;
const LAST_ACTIVITY = `coalesce(${LAST_CHECK_IN}, a.status_changed_at, a.created_at)`;
const OVERDUE = `(SELECT count(*)::int FROM engagement_milestone ms
  WHERE ms.engagement_id = a.id AND ms.done_at IS NULL AND ms.due_date < ${TODAY_IN_JAPAN})`;
const LAST_BLOCKED = `coalesce((SELECT c.blocked FROM engagement_check_in c WHERE c.engagement_id = a.id
  ORDER BY c.created_at DESC, c.id DESC LIMIT 1), false)`;
// The engagement's program may set its own rhythm; otherwise the platform default applies.
const staleDays = (fallback: string) => `coalesce((SELECT pr.stale_after_days
  FROM project pj JOIN program pr ON pr.id = pj.program_id WHERE pj.id = a.project_id), ${fallback})`;
const HEALTH = `CASE
  WHEN ${LAST_ACTIVITY} < now() - make_interval(days => ${staleDays(':staleDays')}) THEN 'STALE'
  WHEN ${OVERDUE} > 0 OR ${LAST_BLOCKED} THEN 'NEEDS_ATTENTION'
  ELSE 'ON_TRACK' END`;

// The domain event each kind of alert raises; the notification worker tells the supervisors.
const ALERT_EVENTS: Record<
  EngagementAlertKind,
  EventDefinition<string, { engagementId: string; since: string }>
> = {
  [EngagementAlertKind.STALE]: ENGAGEMENT_STALE,
  [EngagementAlertKind.MILESTONE_OVERDUE]: MILESTONE_OVERDUE,
  [EngagementAlertKind.UNANSWERED]: APPLICATION_UNANSWERED,
};

// How running engagements are doing, for the intermediaries who supervise them: the dashboard
// and the sweep that flags stale engagements and overdue milestones.
@Injectable()
export class EngagementHealthService {
  private readonly logger = new Logger(EngagementHealthService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly policy: PolicyService,
    private readonly events: DomainEventPublisher,
  ) {}

  // ACTIVE engagements in the actor's remit, the longest-quiet first.
  async supervised(
    actor: Actor,
    page: Page,
    health?: EngagementHealth | null,
  ): Promise<Connection<SupervisedEngagement>> {
    const qb = this.supervisedQuery(actor)
      .innerJoinAndSelect('a.project', 'p')
      .innerJoinAndSelect('a.participant', 'pp')
      .innerJoinAndSelect('pp.user', 'u');
    if (health) qb.andWhere(`(${HEALTH}) = :health`, { health });
    // Descending keys: the negated epoch puts the longest-quiet engagement first.
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byNumber(`-extract(epoch FROM ${LAST_ACTIVITY})`), byId('a.id')],
    });
    const ids = connection.edges.map((e) => e.node.id);
    const facts = await this.facts(ids);
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.map((e) => ({
        cursor: e.cursor,
        node: { engagement: e.node, ...facts.get(e.node.id)! },
      })),
    };
  }

  // How many of the actor's supervised engagements are in each health: all of them, counted by
  // the same rule and scope as the list.
  async healthCounts(actor: Actor): Promise<Record<EngagementHealth, number>> {
    const rows = await this.supervisedQuery(actor)
      .innerJoin('a.project', 'p')
      .select(HEALTH, 'health')
      .addSelect('count(*)::int', 'count')
      .groupBy('1')
      .getRawMany<{ health: EngagementHealth; count: number }>();
    const counts = {
      [EngagementHealth.ON_TRACK]: 0,
      [EngagementHealth.NEEDS_ATTENTION]: 0,
      [EngagementHealth.STALE]: 0,
    };
    for (const row of rows) counts[row.health] = row.count;
    return counts;
  }

  // Flags every ACTIVE engagement that went quiet or has an overdue milestone, once per period,
  // and tells the supervising intermediary's staff. Idempotent: the alert's unique key makes a
  // re-run (or a concurrent one) a no-op.
  async flagStale(): Promise<StaleSweepOutcome> {
    const candidates: Array<{ id: string; kind: EngagementAlertKind; since: Date }> =
      await this.dataSource.query(
        `SELECT a.id, 'STALE' AS kind, ${LAST_ACTIVITY} AS since
           FROM engagement a
          WHERE a.status = 'ACTIVE'
            AND ${LAST_ACTIVITY} < now() - make_interval(days => ${staleDays('$1')})
         UNION ALL
         SELECT a.id, 'MILESTONE_OVERDUE', (min(ms.due_date)::timestamp AT TIME ZONE 'Asia/Tokyo')
           FROM engagement a JOIN engagement_milestone ms ON ms.engagement_id = a.id
          WHERE a.status = 'ACTIVE' AND ms.done_at IS NULL AND ms.due_date < ${TODAY_IN_JAPAN}
          GROUP BY a.id`,
        [this.config.ENGAGEMENT_STALE_DAYS],
      );
    const outcome = await this.raiseAlerts(candidates);
    if (outcome.alerts) this.logger.log(`flagged ${outcome.alerts} engagement alert(s)`);
    return outcome;
  }

  // Records each alert once (its unique key) and, only for a new one, the event that tells the
  // supervising staff, in the same transaction. Counts what was committed.
  async raiseAlerts(
    alerts: ReadonlyArray<{ id: string; kind: EngagementAlertKind; since: Date }>,
  ): Promise<StaleSweepOutcome> {
    const outcome: StaleSweepOutcome = { alerts: 0 };
    for (const alert of alerts) {
      const raised = await this.dataSource.transaction(async (m) => {
        const inserted: unknown[] = await m.query(
          `INSERT INTO engagement_alert (engagement_id, kind, since) VALUES ($1, $2, $3)
           ON CONFLICT (engagement_id, kind, since) DO NOTHING RETURNING id`,
          [alert.id, alert.kind, alert.since],
        );
        if (inserted.length === 0) return false;
        const since = new Date(alert.since);
        await this.events.publish(
          m,
          ALERT_EVENTS[alert.kind],
          { engagementId: alert.id, since: since.toISOString() },
          [alert.id, String(since.getTime())],
        );
        return true;
      });
      if (raised) outcome.alerts += 1;
    }
    return outcome;
  }

  // ACTIVE engagements (aliased `a`) on projects (to be joined as `p`) in the actor's remit.
  private supervisedQuery(actor: Actor): SelectQueryBuilder<Engagement> {
    const scope = supervisedProjects(
      this.policy,
      actor,
      'Only intermediary staff supervise engagements',
    );
    return this.dataSource
      .getRepository(Engagement)
      .createQueryBuilder('a')
      .where('a.status = :active', { active: EngagementStatus.ACTIVE })
      .andWhere(scope.condition, scope.parameters)
      .setParameter('staleDays', this.config.ENGAGEMENT_STALE_DAYS);
  }

  private async facts(
    ids: string[],
  ): Promise<Map<string, Omit<SupervisedEngagement, 'engagement'>>> {
    if (ids.length === 0) return new Map();
    const qb: SelectQueryBuilder<Engagement> = this.dataSource
      .getRepository(Engagement)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect(HEALTH, 'health')
      .addSelect(LAST_CHECK_IN, 'last_check_in_at')
      .addSelect(OVERDUE, 'overdue')
      .where('a.id IN (:...ids)', { ids })
      .setParameter('staleDays', this.config.ENGAGEMENT_STALE_DAYS);
    const rows = await qb.getRawMany<{
      id: string;
      health: EngagementHealth;
      last_check_in_at: Date | null;
      overdue: number;
    }>();
    return new Map(
      rows.map((r) => [
        r.id,
        { health: r.health, lastCheckInAt: r.last_check_in_at, overdueMilestones: r.overdue },
      ]),
    );
  }
}
