import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { ALLOCATION_READY } from './cohort-events';

// Who hears of the cohorts context's events.
@Injectable()
export class CohortAudiences {
  constructor(private readonly dataSource: DataSource) {}

  // The intermediary who asked for the allocation; their organisation by webhook.
  @AudienceOf(ALLOCATION_READY)
  async allocationReady({
    payload,
  }: EventOf<typeof ALLOCATION_READY>): Promise<EventAudience | null> {
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        status: string;
        requested_by_id: string;
        cohort_id: string;
        name: string;
        intermediary_organization_id: string;
      }>
    >(
      `SELECT al.id, al.status, al.requested_by_id, c.id AS cohort_id, c.name,
              c.intermediary_organization_id
         FROM allocation al JOIN cohort c ON c.id = al.cohort_id WHERE al.id = $1`,
      [payload.allocationId],
    );
    if (!row) return null;
    return {
      vars: { cohort: row.name, status: row.status },
      links: { cohortId: row.cohort_id, allocationId: row.id },
      recipients: [{ userId: row.requested_by_id, role: RecipientRole.INTERMEDIARY }],
      organizationIds: [row.intermediary_organization_id],
    };
  }
}
