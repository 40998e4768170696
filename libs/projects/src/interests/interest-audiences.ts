import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { projectStaff } from '../covering-intermediaries';
import { PROJECT_INTEREST_MARKED } from './interest-events';

// Who hears of new interest in a project.
@Injectable()
export class InterestAudiences {
  constructor(private readonly dataSource: DataSource) {}

  // The project's region and the intermediaries covering it. The participant is not named:
  // whether a viewer may see them depends on their visibility, which projectInterests applies.
  // A mark taken back before delivery is dropped.
  @AudienceOf(PROJECT_INTEREST_MARKED)
  async marked({
    payload,
  }: EventOf<typeof PROJECT_INTEREST_MARKED>): Promise<EventAudience | null> {
    const [p] = await this.dataSource.query<
      Array<{ id: string; title: string; region_organization_id: string }>
    >(
      `SELECT p.id, p.title, p.region_organization_id
         FROM project p
         JOIN project_interest pi ON pi.project_id = p.id AND pi.participant_id = $2
        WHERE p.id = $1`,
      [payload.projectId, payload.participantId],
    );
    if (!p) return null;
    const staff = await projectStaff(this.dataSource, {
      id: p.id,
      regionOrganizationId: p.region_organization_id,
    });
    return {
      vars: { project: p.title },
      links: { projectId: p.id },
      ...staff,
    };
  }
}
