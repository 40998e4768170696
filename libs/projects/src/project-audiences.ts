import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { staffRecipients } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { coveringIntermediariesSql } from './covering-intermediaries';
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
    const covering = (
      await this.dataSource.query<Array<{ id: string }>>(coveringIntermediariesSql('$1'), [p.id])
    ).map((r) => r.id);
    return {
      vars: { project: p.title, reason: p.reason },
      links: { projectId: p.id },
      recipients: [
        ...(await staffRecipients(
          this.dataSource,
          [p.region_organization_id],
          RecipientRole.REGION,
        )),
        ...(await staffRecipients(this.dataSource, covering, RecipientRole.INTERMEDIARY)),
      ],
      organizationIds: [p.region_organization_id, ...covering],
    };
  }
}
