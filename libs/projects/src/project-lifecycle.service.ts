import { Injectable } from '@nestjs/common';
import { AppError, ConflictReason, DomainEventPublisher } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { DataSource, EntityManager } from 'typeorm';
import { ProjectAuditService } from './project-audit.service';
import { ProjectAuditAction } from './project-audit-entry.entity';
import { PROJECT_CHANGED, PROJECT_PAUSED, REVIEW_EVENTS } from './project-events';
import { decideTransition, ProjectAction, projectRolesOf } from './project-lifecycle';
import { Project, ProjectStatus } from './project.entity';
import { ProjectService } from './project.service';

const AUDIT_ACTION: Record<ProjectAction, ProjectAuditAction> = {
  [ProjectAction.SUBMIT]: ProjectAuditAction.SUBMITTED,
  [ProjectAction.REQUEST_CHANGES]: ProjectAuditAction.CHANGES_REQUESTED,
  [ProjectAction.PUBLISH]: ProjectAuditAction.PUBLISHED,
  [ProjectAction.EXTEND]: ProjectAuditAction.EXTENDED,
  [ProjectAction.CLOSE]: ProjectAuditAction.CLOSED,
  [ProjectAction.ARCHIVE]: ProjectAuditAction.ARCHIVED,
};

// Moves projects through their lifecycle (project-lifecycle.ts decides what is allowed), one
// transaction per step with the project row locked, recording every step in the audit trail.
@Injectable()
export class ProjectLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly policy: PolicyService,
    private readonly audit: ProjectAuditService,
    private readonly events: DomainEventPublisher,
  ) {}

  async transition(
    actor: Actor,
    projectId: string,
    action: Exclude<ProjectAction, ProjectAction.EXTEND>,
    comment?: string,
  ): Promise<Project> {
    if (action === ProjectAction.REQUEST_CHANGES && !comment?.trim()) {
      throw AppError.invalidField(['comment'], 'is required when requesting changes');
    }
    return this.dataSource.transaction(async (m) => {
      const project = await this.projects.lockForUpdate(m, projectId);
      const to = this.decide(actor, project, action);
      if (action === ProjectAction.ARCHIVE) await this.assertNoEngagementUnderway(m, projectId);
      const from = project.status;
      const set: Partial<Project> = { status: to };
      if (action === ProjectAction.PUBLISH) {
        Object.assign(set, {
          publishedAt: new Date(),
          publishedById: actor.userId,
          reviewComment: comment ?? null,
        });
      }
      if (action === ProjectAction.REQUEST_CHANGES) set.reviewComment = comment!.trim();
      if (action === ProjectAction.CLOSE) set.closedAt = new Date();
      await m.update(Project, project.id, set);
      const auditEntryId = await this.audit.record(m, {
        projectId,
        actorId: actor.userId,
        action: AUDIT_ACTION[action],
        fromStatus: from,
        toStatus: to,
        comment: comment?.trim() || null,
      });
      // Entering or leaving PUBLISHED changes who is recommended what.
      if (from === ProjectStatus.PUBLISHED || to === ProjectStatus.PUBLISHED) {
        await this.events.publish(m, PROJECT_CHANGED, { projectId });
      }
      // Submissions, send-backs and publications are told to the people on either side.
      if (action in REVIEW_EVENTS) {
        const event = REVIEW_EVENTS[action as keyof typeof REVIEW_EVENTS];
        await this.events.publish(m, event, { projectId, auditEntryId }, [auditEntryId]);
      }
      return this.projects.load(projectId, m);
    });
  }

  // A published project runs longer (a later end date, or ongoing with null) and/or takes more
  // people. An omitted endDate (undefined) keeps the current one.
  async extend(
    actor: Actor,
    projectId: string,
    endDate: string | null | undefined,
    capacity?: number,
  ): Promise<Project> {
    return this.dataSource.transaction(async (m) => {
      const project = await this.projects.lockForUpdate(m, projectId);
      this.decide(actor, project, ProjectAction.EXTEND);
      if (endDate != null && project.endDate !== null && endDate <= project.endDate) {
        throw AppError.invalidField(
          ['input', 'endDate'],
          `must be after the current end date (${project.endDate})`,
        );
      }
      if (endDate != null && project.endDate === null) {
        throw AppError.invalidField(['input', 'endDate'], 'the project is already ongoing');
      }
      if (capacity !== undefined && capacity < project.capacity) {
        throw AppError.invalidField(
          ['input', 'capacity'],
          `must not shrink below ${project.capacity}`,
        );
      }
      // Only what actually changes is written and recorded.
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set: Partial<Project> = {};
      if (endDate !== undefined && endDate !== project.endDate) {
        changes.endDate = { from: project.endDate, to: endDate };
        set.endDate = endDate;
      }
      if (capacity !== undefined && capacity !== project.capacity) {
        changes.capacity = { from: project.capacity, to: capacity };
        set.capacity = capacity;
      }
      if (Object.keys(changes).length === 0) {
        throw AppError.invalidField(
          ['input'],
          'nothing to extend: give a later endDate, null to make it ongoing, or a larger capacity',
        );
      }
      await m.update(Project, project.id, set);
      await this.audit.record(m, {
        projectId,
        actorId: actor.userId,
        action: ProjectAuditAction.EXTENDED,
        fromStatus: project.status,
        toStatus: project.status,
        changes,
      });
      await this.events.publish(m, PROJECT_CHANGED, { projectId });
      return this.projects.load(projectId, m);
    });
  }

  // Takes a published project out of search for a reason the caller's rule found (the response
  // sweep). In the caller's transaction, with the row locked like every other step; returns when
  // it was paused, or null if it was no longer published or already paused.
  async pause(manager: EntityManager, projectId: string, reason: string): Promise<Date | null> {
    const project = await this.projects.lockForUpdate(manager, projectId);
    if (project.status !== ProjectStatus.PUBLISHED || project.pausedAt) return null;
    const pausedAt = new Date();
    await manager.update(Project, project.id, { pausedAt, pauseReason: reason });
    await this.audit.record(manager, {
      projectId,
      actorId: null,
      action: ProjectAuditAction.PAUSED,
      fromStatus: project.status,
      toStatus: project.status,
      changes: { pausedAt: { from: null, to: pausedAt.toISOString() } },
      comment: reason,
    });
    // A paused project leaves recommendations.
    await this.events.publish(manager, PROJECT_CHANGED, { projectId });
    // Once per pause: the pause time is part of the key.
    await this.events.publish(
      manager,
      PROJECT_PAUSED,
      { projectId, pausedAt: pausedAt.toISOString() },
      [projectId, String(pausedAt.getTime())],
    );
    return pausedAt;
  }

  // Back into search once its applications are answered, in the caller's transaction; false when
  // it was not paused (another transaction got there first).
  async unpause(manager: EntityManager, projectId: string): Promise<boolean> {
    const project = await this.projects.lockForUpdate(manager, projectId);
    if (!project.pausedAt) return false;
    await manager.update(Project, project.id, { pausedAt: null, pauseReason: null });
    await this.audit.record(manager, {
      projectId,
      actorId: null,
      action: ProjectAuditAction.UNPAUSED,
      fromStatus: project.status,
      toStatus: project.status,
      changes: { pausedAt: { from: project.pausedAt.toISOString(), to: null } },
    });
    // Back in recommendations.
    await this.events.publish(manager, PROJECT_CHANGED, { projectId });
    return true;
  }

  // A review remark without a status change, kept in the audit trail.
  async comment(actor: Actor, projectId: string, comment: string): Promise<Project> {
    return this.dataSource.transaction(async (m) => {
      const project = await this.projects.lockForUpdate(m, projectId);
      // FORBIDDEN like every other step on a project (not NOT_FOUND: a published project is
      // public, and the transitions already answer FORBIDDEN to outsiders).
      this.policy.assert(
        this.policy.canSupervise(actor, project),
        'Only the region or a supervising intermediary can comment on a project',
      );
      if (this.policy.canPublishProject(actor, project)) {
        await m.update(Project, project.id, { reviewComment: comment.trim() });
      }
      await this.audit.record(m, {
        projectId,
        actorId: actor.userId,
        action: ProjectAuditAction.COMMENTED,
        comment: comment.trim(),
      });
      return this.projects.load(projectId, m);
    });
  }

  // An archived project is history: nobody may still be accepted, approved or at work on it.
  private async assertNoEngagementUnderway(m: EntityManager, projectId: string): Promise<void> {
    const [row] = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM engagement
        WHERE project_id = $1 AND engagement_holds_seat(status) AND status <> 'COMPLETED'`,
      [projectId],
    );
    if (row.n > 0) {
      throw AppError.conflict(
        ConflictReason.ENGAGEMENTS_IN_PROGRESS,
        `${row.n} engagement(s) on this project are still under way: complete or cancel them first`,
      );
    }
  }

  private decide(actor: Actor, project: Project, action: ProjectAction): ProjectStatus {
    const roles = projectRolesOf(this.policy, actor, project);
    const decision = decideTransition(project.status, action, roles);
    if (decision.ok) return decision.to;
    throw decision.reason === 'FORBIDDEN'
      ? AppError.forbidden(decision.message)
      : AppError.conflict(ConflictReason.INVALID_TRANSITION, decision.message);
  }
}
