import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { OrganizationKind, staffRecipients } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { COUNCIL_MEMBERSHIP_APPLIED, COUNCIL_MEMBERSHIP_DECIDED } from './council-events';

interface MembershipFacts {
  id: string;
  organization_id: string;
  organization: string;
  kind: OrganizationKind;
  status: string;
  reason: string;
}

// The workspace page each audience acts on, under /manage/<their organisation>/.
export const COUNCIL_PAGES = { queue: 'admin/council', own: 'council' } as const;

const roleOf = (kind: OrganizationKind) =>
  kind === OrganizationKind.REGION ? RecipientRole.REGION : RecipientRole.INTERMEDIARY;

// Who hears of the council's events: the platform admins of an application, the organisation's
// staff of the decision. Staff of regions hear as regions, everyone else as staff who oversee.
@Injectable()
export class CouncilAudiences {
  constructor(private readonly dataSource: DataSource) {}

  @AudienceOf(COUNCIL_MEMBERSHIP_APPLIED)
  async applied({
    payload,
  }: EventOf<typeof COUNCIL_MEMBERSHIP_APPLIED>): Promise<EventAudience | null> {
    const row = await this.facts(payload.membershipId);
    if (!row) return null;
    const platforms = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM organization WHERE kind = 'PLATFORM'`,
    );
    return {
      vars: { organization: row.organization, kind: row.kind },
      links: { councilMembershipId: row.id, councilPage: COUNCIL_PAGES.queue },
      recipients: await staffRecipients(
        this.dataSource,
        platforms.map((p) => p.id),
        RecipientRole.INTERMEDIARY,
      ),
      organizationIds: [],
    };
  }

  @AudienceOf(COUNCIL_MEMBERSHIP_DECIDED)
  async decided({
    payload,
  }: EventOf<typeof COUNCIL_MEMBERSHIP_DECIDED>): Promise<EventAudience | null> {
    const row = await this.facts(payload.membershipId);
    if (!row) return null;
    const role = roleOf(row.kind);
    return {
      vars: { organization: row.organization, status: row.status, reason: row.reason },
      links: { councilMembershipId: row.id, councilPage: COUNCIL_PAGES.own },
      recipients: await staffRecipients(this.dataSource, [row.organization_id], role),
      organizationIds: [row.organization_id],
    };
  }

  private async facts(membershipId: string): Promise<MembershipFacts | undefined> {
    const [row] = await this.dataSource.query<MembershipFacts[]>(
      `SELECT m.id, m.organization_id, o.name AS organization, o.kind, m.status,
              coalesce(m.decision_reason, '') AS reason
         FROM council_memberships m JOIN organization o ON o.id = m.organization_id
        WHERE m.id = $1`,
      [membershipId],
    );
    return row;
  }
}
