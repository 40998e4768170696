import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { staffRecipients } from '@tsunagu/identity';
import { coveringIntermediariesSql } from '@tsunagu/projects';
import { DataSource } from 'typeorm';
import {
  APPLICATION_SUBMITTED,
  APPLICATION_UNANSWERED,
  ENGAGEMENT_STALE,
  ENGAGEMENT_STATUS_CHANGED,
  FOLLOW_UP_DUE,
  MILESTONE_OVERDUE,
} from './engagement-events';

// The intermediaries supervising an engagement: the supervisor's own organisation among those
// covering the project, or every covering intermediary when the supervisor is on staff of none
// of them (or there is no supervisor yet, as for an unanswered application).
const SUPERVISING_ORGS = `
  WITH target AS (
    SELECT a.terms->>'supervisorId' AS supervisor_id, a.project_id FROM engagement a
     WHERE a.id = $1),
  covering AS (${coveringIntermediariesSql('(SELECT project_id FROM target)')}),
  supervising AS (
    SELECT c.id FROM covering c
      JOIN membership m ON m.organization_id = c.id, target t
     WHERE m.user_id::text = t.supervisor_id)
  SELECT id FROM supervising
  UNION SELECT id FROM covering WHERE NOT EXISTS (SELECT 1 FROM supervising)`;

interface ApplicationFacts {
  engagement_id: string;
  project_id: string;
  project: string;
  participant_id: string;
  participant: string;
  region_id: string;
  supervisor_id: string | null;
  // The company that sends a company employee (their engagements are its programme's).
  company_id: string | null;
}

// A company hears (by webhook) of the engagements of the employees it sends.
const companyOf = (a: ApplicationFacts): string[] => (a.company_id ? [a.company_id] : []);

const linksOf = (a: ApplicationFacts): Record<string, string> => ({
  projectId: a.project_id,
  engagementId: a.engagement_id,
});

type Alert =
  | EventOf<typeof APPLICATION_UNANSWERED>
  | EventOf<typeof ENGAGEMENT_STALE>
  | EventOf<typeof MILESTONE_OVERDUE>;

// Who hears of the events of applications and engagements, and what they are told.
@Injectable()
export class EngagementAudiences {
  constructor(private readonly dataSource: DataSource) {}

  // The project's region answers; its supervisors and the participant's company may follow by
  // webhook.
  @AudienceOf(APPLICATION_SUBMITTED)
  async submitted({
    payload,
  }: EventOf<typeof APPLICATION_SUBMITTED>): Promise<EventAudience | null> {
    const a = await this.application(payload.engagementId);
    if (!a) return null;
    return {
      vars: { participant: a.participant, project: a.project },
      links: linksOf(a),
      recipients: await staffRecipients(this.dataSource, [a.region_id], RecipientRole.REGION),
      organizationIds: [a.region_id, ...(await this.supervising(a)), ...companyOf(a)],
    };
  }

  // The participant, the region and the supervisors, except whoever made the change.
  @AudienceOf(ENGAGEMENT_STATUS_CHANGED)
  async statusChanged({
    payload,
  }: EventOf<typeof ENGAGEMENT_STATUS_CHANGED>): Promise<EventAudience | null> {
    const a = await this.application(payload.engagementId);
    const [change] = await this.dataSource.query<
      Array<{ from_status: string; to_status: string; reason: string; actor_id: string }>
    >(
      `SELECT from_status, to_status, coalesce(reason, '') AS reason, actor_id
         FROM engagement_event WHERE id = $1`,
      [payload.engagementEventId],
    );
    if (!a || !change) return null;
    const supervising = await this.supervising(a);
    // Whoever made the change knows already.
    const recipients = [
      { userId: a.participant_id, role: RecipientRole.PARTICIPANT },
      ...(await staffRecipients(this.dataSource, [a.region_id], RecipientRole.REGION)),
      ...(await staffRecipients(this.dataSource, supervising, RecipientRole.INTERMEDIARY)),
    ].filter((r) => r.userId !== change.actor_id);
    return {
      vars: {
        participant: a.participant,
        project: a.project,
        fromStatus: change.from_status,
        toStatus: change.to_status,
        reason: change.reason,
      },
      links: linksOf(a),
      recipients,
      organizationIds: [a.region_id, ...supervising, ...companyOf(a)],
    };
  }

  @AudienceOf(APPLICATION_UNANSWERED)
  unanswered(event: EventOf<typeof APPLICATION_UNANSWERED>): Promise<EventAudience | null> {
    return this.alert(event);
  }

  @AudienceOf(ENGAGEMENT_STALE)
  stale(event: EventOf<typeof ENGAGEMENT_STALE>): Promise<EventAudience | null> {
    return this.alert(event);
  }

  @AudienceOf(MILESTONE_OVERDUE)
  milestoneOverdue(event: EventOf<typeof MILESTONE_OVERDUE>): Promise<EventAudience | null> {
    return this.alert(event);
  }

  // The participant and the supervisor; the supervising intermediaries and the company by
  // webhook.
  @AudienceOf(FOLLOW_UP_DUE)
  async followUpDue({ payload }: EventOf<typeof FOLLOW_UP_DUE>): Promise<EventAudience | null> {
    const [row] = await this.dataSource.query<Array<{ engagement_id: string; due_months: number }>>(
      `SELECT f.engagement_id, f.due_months FROM follow_up f WHERE f.id = $1`,
      [payload.followUpId],
    );
    const a = row && (await this.application(row.engagement_id));
    if (!a) return null;
    const recipients = [{ userId: a.participant_id, role: RecipientRole.PARTICIPANT }];
    if (a.supervisor_id) {
      recipients.push({ userId: a.supervisor_id, role: RecipientRole.INTERMEDIARY });
    }
    return {
      vars: { project: a.project, participant: a.participant, months: String(row.due_months) },
      links: { ...linksOf(a), followUpId: payload.followUpId },
      recipients,
      organizationIds: [...(await this.supervising(a)), ...companyOf(a)],
    };
  }

  // The supervisors step in.
  private async alert({ payload }: Alert): Promise<EventAudience | null> {
    const a = await this.application(payload.engagementId);
    if (!a) return null;
    const supervising = await this.supervising(a);
    return {
      vars: { participant: a.participant, project: a.project, since: payload.since },
      links: linksOf(a),
      recipients: await staffRecipients(this.dataSource, supervising, RecipientRole.INTERMEDIARY),
      organizationIds: supervising,
    };
  }

  private async application(id: string): Promise<ApplicationFacts | undefined> {
    const [row] = await this.dataSource.query<ApplicationFacts[]>(
      `SELECT a.id AS engagement_id, p.id AS project_id, p.title AS project,
              a.participant_id, u.display_name AS participant,
              p.region_organization_id AS region_id, a.terms->>'supervisorId' AS supervisor_id,
              pp.company_organization_id AS company_id
         FROM engagement a
         JOIN project p ON p.id = a.project_id
         JOIN "user" u ON u.id = a.participant_id
         LEFT JOIN participant_profile pp ON pp.user_id = a.participant_id
        WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  private async supervising(a: ApplicationFacts): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(SUPERVISING_ORGS, [
      a.engagement_id,
    ]);
    return rows.map((r) => r.id);
  }
}
