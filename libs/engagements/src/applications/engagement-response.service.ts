import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, byId, byTimestamp, Connection, Page, paginateKeyset } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { ProjectLifecycleService } from '@tsunagu/projects';
import { supervisedProjects } from '../remit-scope';
import { DataSource, EntityManager } from 'typeorm';
import { Engagement } from '../lifecycle/engagement.entity';
import { EngagementAlertKind } from '../accompaniment/engagement-accompaniment.entities';
import { EngagementHealthService } from '../accompaniment/engagement-health.service';
import { EngagementStatus } from '../lifecycle/engagement-state';

export interface ResponseSweepOutcome {
  alerts: number;
  paused: number;
  unpaused: number;
}

// Overdue, in SQL over an application aliased `a` ($1: the response period in days): still
// SUBMITTED, so the region has neither proposed an interview nor accepted or declined.
const OVERDUE = `a.status = 'SUBMITTED' AND a.created_at < now() - make_interval(days => $1)`;

// Response rules: a region answers an application within APPLICATION_RESPONSE_DAYS. Overdue ones
// are flagged to the supervising intermediaries; a project that leaves PROJECT_PAUSE_AFTER_OVERDUE
// of them unanswered is paused until none is left.
@Injectable()
export class EngagementResponseService {
  private readonly logger = new Logger(EngagementResponseService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly health: EngagementHealthService,
    private readonly policy: PolicyService,
    private readonly lifecycle: ProjectLifecycleService,
  ) {}

  // Run by its own repeatable job, engagements.flag-unanswered. Idempotent: the alert's unique key
  // (the submission time is its period) and the pause columns' own state make a re-run a no-op.
  async flagUnanswered(): Promise<ResponseSweepOutcome> {
    const days = this.config.APPLICATION_RESPONSE_DAYS;
    const overdue: Array<{ id: string; since: Date }> = await this.dataSource.query(
      `SELECT a.id, a.created_at AS since FROM engagement a WHERE ${OVERDUE}`,
      [days],
    );
    const raised = await this.health.raiseAlerts(
      overdue.map((a) => ({ ...a, kind: EngagementAlertKind.UNANSWERED })),
    );
    const outcome: ResponseSweepOutcome = { ...raised, paused: 0, unpaused: 0 };
    const threshold = this.config.PROJECT_PAUSE_AFTER_OVERDUE;
    // Pausing is the projects context's step (locked, audited, re-scored, announced); this rule
    // only says which projects, and why.
    const paused = await this.dataSource.transaction(async (m) => {
      const candidates: Array<{ id: string; n: number }> = await m.query(
        `SELECT p.id, o.n
           FROM (SELECT a.project_id, count(*)::int AS n FROM engagement a WHERE ${OVERDUE}
                  GROUP BY a.project_id) o
           JOIN project p ON p.id = o.project_id
          WHERE o.n >= $2 AND p.status = 'PUBLISHED' AND p.paused_at IS NULL
          ORDER BY p.id`,
        [days, threshold],
      );
      const done: string[] = [];
      for (const { id, n } of candidates) {
        const reason = `${n} applications have waited more than ${days} days for an answer`;
        const pausedAt = await this.lifecycle.pause(m, id, reason);
        if (pausedAt) done.push(id);
      }
      return done;
    });
    outcome.paused = paused.length;
    outcome.unpaused = await this.dataSource.transaction((m) => this.unpauseAnswered(m));
    if (outcome.alerts || outcome.paused || outcome.unpaused) {
      this.logger.log(
        `${outcome.alerts} unanswered application(s), ${outcome.paused} project(s) paused, ${outcome.unpaused} unpaused`,
      );
    }
    return outcome;
  }

  // Paused projects (all of them, or the given one) with no overdue application left go back into
  // search. In the caller's transaction: a transition that answers the last one unpauses at once.
  async unpauseAnswered(manager: EntityManager, projectId?: string): Promise<number> {
    // Answering only ever removes overdue applications (new ones are not overdue), so a project
    // picked here stays unpausable until the lifecycle locks it.
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT p.id FROM project p
        WHERE p.paused_at IS NOT NULL AND ($2::uuid IS NULL OR p.id = $2)
          AND NOT EXISTS (SELECT 1 FROM engagement a WHERE a.project_id = p.id AND ${OVERDUE})
        ORDER BY p.id`,
      [this.config.APPLICATION_RESPONSE_DAYS, projectId ?? null],
    );
    let unpaused = 0;
    for (const { id } of rows) if (await this.lifecycle.unpause(manager, id)) unpaused++;
    return unpaused;
  }

  // By when the region should answer an application: while it is SUBMITTED, the end of its
  // response period (from then it counts as overdue); answered ones have no due date.
  answerDueAt(engagement: Pick<Engagement, 'status' | 'createdAt'>): Date | null {
    if (engagement.status !== EngagementStatus.SUBMITTED) return null;
    const days = this.config.APPLICATION_RESPONSE_DAYS;
    return new Date(engagement.createdAt.getTime() + days * 24 * 60 * 60 * 1000);
  }

  // Overdue applications in the intermediary's remit, the longest-waiting first.
  overdue(actor: Actor, page: Page): Promise<Connection<Engagement>> {
    const scope = supervisedProjects(
      this.policy,
      actor,
      'Only intermediary staff supervise applications',
    );
    const qb = this.dataSource
      .getRepository(Engagement)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.project', 'p')
      .innerJoinAndSelect('a.participant', 'profile')
      .innerJoinAndSelect('profile.user', 'u')
      .where('a.status = :submitted', { submitted: EngagementStatus.SUBMITTED })
      .andWhere('a.createdAt < now() - make_interval(days => :days)', {
        days: this.config.APPLICATION_RESPONSE_DAYS,
      })
      .andWhere(scope.condition, scope.parameters);
    return paginateKeyset(qb, { ...page, keys: [byTimestamp('a.createdAt'), byId('a.id')] });
  }
}
