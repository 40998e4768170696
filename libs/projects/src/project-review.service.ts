import { Injectable } from '@nestjs/common';
import { AppError, byId, byNumber, Connection, Page, paginateKeyset } from '@tsunagu/core';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { coveredByIntermediarySql } from './covering-intermediaries';
import { ProjectAuditAction } from './project-audit-entry.entity';
import { Project, ProjectStatus } from './project.entity';

export interface ReviewQueueItem {
  project: Project;
  submittedAt: Date;
  sentBackCount: number;
}

// When a project was last submitted (its audit trail; its last update for rows older than it).
const SUBMITTED_AT = `coalesce((SELECT max(e.created_at) FROM project_audit_entry e
   WHERE e.project_id = p.id AND e.action = '${ProjectAuditAction.SUBMITTED}'), p.updated_at)`;

// What an intermediary has to review: the projects in review that its remit covers.
@Injectable()
export class ProjectReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  // Oldest submission first: whoever has waited longest is answered first.
  async queue(
    actor: Actor,
    intermediaryId: string,
    page: Page,
  ): Promise<Connection<ReviewQueueItem>> {
    const org = await this.dataSource.getRepository(Organization).findOneBy({ id: intermediaryId });
    if (!org || org.kind !== OrganizationKind.INTERMEDIARY) {
      throw AppError.notFound('Intermediary organisation', intermediaryId);
    }
    this.policy.assert(
      this.policy.canWorkForIntermediary(actor, org.id),
      "Only the intermediary's staff see its review queue",
    );
    const qb = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.status = :inReview', { inReview: ProjectStatus.IN_REVIEW })
      .andWhere(coveredByIntermediarySql(':intermediaryId', 'p'), { intermediaryId: org.id });
    // Descending keys: the negated epoch puts the oldest submission first.
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byNumber(`-extract(epoch FROM ${SUBMITTED_AT})`), byId('p.id')],
    });
    const facts = await this.facts(connection.edges.map((e) => e.node.id));
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.map((e) => ({
        cursor: e.cursor,
        node: { project: e.node, ...facts.get(e.node.id)! },
      })),
    };
  }

  // One query for the page: when each was submitted and how often it was sent back.
  private async facts(
    ids: string[],
  ): Promise<Map<string, { submittedAt: Date; sentBackCount: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<
      Array<{ id: string; submitted_at: Date; sent_back: number }>
    >(
      `SELECT p.id, ${SUBMITTED_AT} AS submitted_at,
              (SELECT count(*)::int FROM project_audit_entry e
                WHERE e.project_id = p.id
                  AND e.action = '${ProjectAuditAction.CHANGES_REQUESTED}') AS sent_back
         FROM project p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [r.id, { submittedAt: r.submitted_at, sentBackCount: r.sent_back }]),
    );
  }
}
