import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { OrganizationKind, staffRecipients } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import {
  COUNCIL_CONTACT_RECEIVED,
  COUNCIL_MEMBERSHIP_APPLIED,
  COUNCIL_MEMBERSHIP_DECIDED,
} from './council-events';

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

  // The member written to: its staff read the message and who wrote it (name and organisation,
  // no address); the link leads to the writer's directory page, where they write back.
  @AudienceOf(COUNCIL_CONTACT_RECEIVED)
  async contactReceived({
    payload,
  }: EventOf<typeof COUNCIL_CONTACT_RECEIVED>): Promise<EventAudience | null> {
    const [row] = await this.dataSource.query<
      Array<{
        to_id: string;
        to_kind: OrganizationKind;
        from_id: string;
        from_name: string;
        sender: string | null;
        message: string;
      }>
    >(
      `SELECT c.to_organization_id AS to_id, t.kind AS to_kind, c.from_organization_id AS from_id,
              f.name AS from_name, u.display_name AS sender, c.message
         FROM council_contacts c
         JOIN organization t ON t.id = c.to_organization_id
         JOIN organization f ON f.id = c.from_organization_id
         LEFT JOIN "user" u ON u.id = c.sender_id
        WHERE c.id = $1`,
      [payload.contactId],
    );
    if (!row) return null;
    return {
      vars: { organization: row.from_name, author: row.sender ?? '', message: row.message },
      links: { councilContactId: payload.contactId, councilMemberId: row.from_id },
      recipients: await staffRecipients(this.dataSource, [row.to_id], roleOf(row.to_kind)),
      organizationIds: [row.to_id],
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
