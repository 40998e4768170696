import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { projectStaff } from './covering-intermediaries';
import {
  PROJECT_CHANGES_REQUESTED,
  PROJECT_PAUSED,
  PROJECT_PUBLISHED,
  PROJECT_SUBMITTED,
} from './project-events';

type ReviewEvent =
  | EventOf<typeof PROJECT_SUBMITTED>
  | EventOf<typeof PROJECT_CHANGES_REQUESTED>
  | EventOf<typeof PROJECT_PUBLISHED>;

interface ReviewFacts {
  id: string;
  title: string;
  region_id: string;
  region: string;
  actor_id: string | null;
  comment: string;
}

// Who hears of the projects context's events.
@Injectable()
export class ProjectAudiences {
  constructor(private readonly dataSource: DataSource) {}

  // The region that runs the project and the intermediaries covering it.
  @AudienceOf(PROJECT_PAUSED)
  async paused({ payload }: EventOf<typeof PROJECT_PAUSED>): Promise<EventAudience | null> {
    const [p] = await this.dataSource.query<
      Array<{ id: string; title: string; region_organization_id: string; reason: string }>
    >(
      `SELECT id, title, region_organization_id, coalesce(pause_reason, '') AS reason
         FROM project WHERE id = $1`,
      [payload.projectId],
    );
    if (!p) return null;
    const staff = await projectStaff(this.dataSource, {
      id: p.id,
      regionOrganizationId: p.region_organization_id,
    });
    return {
      vars: { project: p.title, reason: p.reason },
      links: { projectId: p.id },
      ...staff,
    };
  }

  // The covering intermediaries review it.
  @AudienceOf(PROJECT_SUBMITTED)
  submitted(event: EventOf<typeof PROJECT_SUBMITTED>): Promise<EventAudience | null> {
    return this.review(event, { region: false });
  }

  // The region hears why it came back; the other supervisors that it did.
  @AudienceOf(PROJECT_CHANGES_REQUESTED)
  changesRequested(
    event: EventOf<typeof PROJECT_CHANGES_REQUESTED>,
  ): Promise<EventAudience | null> {
    return this.review(event, { region: true });
  }

  @AudienceOf(PROJECT_PUBLISHED)
  published(event: EventOf<typeof PROJECT_PUBLISHED>): Promise<EventAudience | null> {
    return this.review(event, { region: true });
  }

  // A review step's audience: the covering intermediaries' staff (and the region's, when told),
  // except whoever took the step, who knows already.
  private async review(
    { payload }: ReviewEvent,
    { region }: { region: boolean },
  ): Promise<EventAudience | null> {
    const [p] = await this.dataSource.query<ReviewFacts[]>(
      `SELECT p.id, p.title, p.region_organization_id AS region_id, o.name AS region,
              e.actor_id, coalesce(e.comment, '') AS comment
         FROM project p
         JOIN organization o ON o.id = p.region_organization_id
         JOIN project_audit_entry e ON e.id = $2 AND e.project_id = p.id
        WHERE p.id = $1`,
      [payload.projectId, payload.auditEntryId],
    );
    if (!p) return null;
    const staff = await projectStaff(this.dataSource, {
      id: p.id,
      regionOrganizationId: p.region_id,
    });
    const recipients = staff.recipients.filter(
      (r) => (region || r.role !== RecipientRole.REGION) && r.userId !== p.actor_id,
    );
    return {
      vars: { project: p.title, region: p.region, comment: p.comment },
      links: { projectId: p.id, regionId: p.region_id },
      recipients,
      organizationIds: staff.organizationIds,
    };
  }
}
