import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { projectStaff } from './covering-intermediaries';
import { PROJECT_PAUSED } from './project-events';

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
}
