import { Injectable } from '@nestjs/common';
import type { DomainEvent, NotificationEventType } from '@tsunagu/core';
import { remitAreaCoversSql } from '@tsunagu/identity';
import { DataSource } from 'typeorm';

// In which capacity a person hears of an event: it picks the default channels (see
// notification-defaults.ts) and lets a participant and a staff member get different wording.
export enum RecipientRole {
  PARTICIPANT = 'PARTICIPANT',
  REGION = 'REGION',
  INTERMEDIARY = 'INTERMEDIARY',
}

export interface Recipient {
  userId: string;
  role: RecipientRole;
}

// Everything the channels need, read once when the event is fanned out.
export interface EventAudience {
  vars: Record<string, string>;
  links: Record<string, string>;
  recipients: Recipient[];
  // Organisations whose webhooks may receive the event.
  organizationIds: string[];
}

const PROJECT_PLACE = {
  prefectureCode: 'p.prefecture_code',
  municipalityCode: 'p.municipality_code',
};

// Intermediaries whose remit covers a project (given as an SQL expression for its id).
const coveringOrgs = (projectId: string) => `
  SELECT DISTINCT o.id FROM organization o
    JOIN remit_area r ON r.organization_id = o.id
    JOIN project p ON p.id = ${projectId}
   WHERE o.kind = 'INTERMEDIARY'
     AND ${remitAreaCoversSql('r', PROJECT_PLACE)}`;

const COVERING_ORGS = coveringOrgs('$1');

// The intermediaries supervising an engagement: the supervisor's own organisation among those
// covering the project, or every covering intermediary when the supervisor is on staff of none
// of them (or there is no supervisor yet, as for an unanswered application).
const SUPERVISING_ORGS = `
  WITH target AS (
    SELECT a.terms->>'supervisorId' AS supervisor_id, a.project_id FROM engagement a
     WHERE a.id = $1),
  covering AS (${coveringOrgs('(SELECT project_id FROM target)')}),
  supervising AS (
    SELECT c.id FROM covering c
      JOIN membership m ON m.organization_id = c.id, target t
     WHERE m.user_id::text = t.supervisor_id)
  SELECT id FROM supervising
  UNION SELECT id FROM covering WHERE NOT EXISTS (SELECT 1 FROM supervising)`;

// A company hears (by webhook) of the engagements of the employees it sends.
const companyOf = (a: ApplicationFacts): string[] => (a.company_id ? [a.company_id] : []);

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

// Resolves a domain event into who hears of it and what they are told. A null answer means the
// subject is gone (deleted since), and the event is dropped.
@Injectable()
export class EventAudienceResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(event: DomainEvent): Promise<EventAudience | null> {
    const handler = this.handlers[event.type] as (e: DomainEvent) => Promise<EventAudience | null>;
    return handler(event);
  }

  private readonly handlers: {
    [T in NotificationEventType]: (e: DomainEvent<T>) => Promise<EventAudience | null>;
  } = {
    APPLICATION_SUBMITTED: async ({ payload }) => {
      const a = await this.application(payload.engagementId);
      if (!a) return null;
      return {
        vars: { participant: a.participant, project: a.project },
        links: this.linksOf(a),
        recipients: await this.staffOf([a.region_id], RecipientRole.REGION),
        organizationIds: [
          a.region_id,
          ...(await this.orgs(SUPERVISING_ORGS, a.engagement_id)),
          ...companyOf(a),
        ],
      };
    },
    ENGAGEMENT_STATUS_CHANGED: async ({ payload }) => {
      const a = await this.application(payload.engagementId);
      const [change] = await this.dataSource.query<
        Array<{ from_status: string; to_status: string; reason: string; actor_id: string }>
      >(
        `SELECT from_status, to_status, coalesce(reason, '') AS reason, actor_id
           FROM engagement_event WHERE id = $1`,
        [payload.engagementEventId],
      );
      if (!a || !change) return null;
      const supervising = await this.orgs(SUPERVISING_ORGS, a.engagement_id);
      // Whoever made the change knows already.
      const recipients = [
        { userId: a.participant_id, role: RecipientRole.PARTICIPANT },
        ...(await this.staffOf([a.region_id], RecipientRole.REGION)),
        ...(await this.staffOf(supervising, RecipientRole.INTERMEDIARY)),
      ].filter((r) => r.userId !== change.actor_id);
      return {
        vars: {
          participant: a.participant,
          project: a.project,
          fromStatus: change.from_status,
          toStatus: change.to_status,
          reason: change.reason,
        },
        links: this.linksOf(a),
        recipients,
        organizationIds: [a.region_id, ...supervising, ...companyOf(a)],
      };
    },
    SCOUT_OFFER_RECEIVED: async ({ payload }) => {
      const offer = await this.offer(payload.offerId);
      if (!offer) return null;
      return {
        vars: { project: offer.project, region: offer.region, message: offer.message },
        links: { projectId: offer.project_id, scoutOfferId: offer.id },
        recipients: [{ userId: offer.participant_id, role: RecipientRole.PARTICIPANT }],
        organizationIds: [offer.sender_organization_id],
      };
    },
    SCOUT_OFFER_ANSWERED: async ({ payload }) => {
      const offer = await this.offer(payload.offerId);
      if (!offer) return null;
      return {
        vars: { participant: offer.participant, project: offer.project, answer: offer.status },
        links: { projectId: offer.project_id, scoutOfferId: offer.id },
        recipients: await this.staffOf([offer.sender_organization_id], RecipientRole.REGION),
        organizationIds: [offer.sender_organization_id],
      };
    },
    APPLICATION_UNANSWERED: ({ payload }) => this.alert(payload.engagementId, payload.since),
    ENGAGEMENT_STALE: ({ payload }) => this.alert(payload.engagementId, payload.since),
    MILESTONE_OVERDUE: ({ payload }) => this.alert(payload.engagementId, payload.since),
    FOLLOW_UP_DUE: async ({ payload }) => {
      const [row] = await this.dataSource.query<
        Array<{ engagement_id: string; due_months: number }>
      >(`SELECT f.engagement_id, f.due_months FROM follow_up f WHERE f.id = $1`, [
        payload.followUpId,
      ]);
      const a = row && (await this.application(row.engagement_id));
      if (!a) return null;
      const recipients = [{ userId: a.participant_id, role: RecipientRole.PARTICIPANT }];
      if (a.supervisor_id) {
        recipients.push({ userId: a.supervisor_id, role: RecipientRole.INTERMEDIARY });
      }
      return {
        vars: { project: a.project, participant: a.participant, months: String(row.due_months) },
        links: { ...this.linksOf(a), followUpId: payload.followUpId },
        recipients,
        organizationIds: [...(await this.orgs(SUPERVISING_ORGS, a.engagement_id)), ...companyOf(a)],
      };
    },
    PROJECT_PAUSED: async ({ payload }) => {
      const [p] = await this.dataSource.query<
        Array<{ id: string; title: string; region_organization_id: string; reason: string }>
      >(
        `SELECT id, title, region_organization_id, coalesce(pause_reason, '') AS reason
           FROM project WHERE id = $1`,
        [payload.projectId],
      );
      if (!p) return null;
      const covering = await this.orgs(COVERING_ORGS, p.id);
      return {
        vars: { project: p.title, reason: p.reason },
        links: { projectId: p.id },
        recipients: [
          ...(await this.staffOf([p.region_organization_id], RecipientRole.REGION)),
          ...(await this.staffOf(covering, RecipientRole.INTERMEDIARY)),
        ],
        organizationIds: [p.region_organization_id, ...covering],
      };
    },
    ALLOCATION_READY: async ({ payload }) => {
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
    },
  };

  private async alert(engagementId: string, since: string): Promise<EventAudience | null> {
    const a = await this.application(engagementId);
    if (!a) return null;
    const supervising = await this.orgs(SUPERVISING_ORGS, a.engagement_id);
    return {
      vars: { participant: a.participant, project: a.project, since },
      links: this.linksOf(a),
      recipients: await this.staffOf(supervising, RecipientRole.INTERMEDIARY),
      organizationIds: supervising,
    };
  }

  private linksOf(a: ApplicationFacts): Record<string, string> {
    return { projectId: a.project_id, engagementId: a.engagement_id };
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

  private async offer(id: string) {
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        status: string;
        message: string;
        participant_id: string;
        sender_organization_id: string;
        project_id: string;
        project: string;
        region: string;
        participant: string;
      }>
    >(
      `SELECT s.id, s.status, s.message, s.participant_id, s.sender_organization_id,
              p.id AS project_id, p.title AS project, o.name AS region,
              u.display_name AS participant
         FROM scout_offer s
         JOIN project p ON p.id = s.project_id
         JOIN organization o ON o.id = s.sender_organization_id
         JOIN "user" u ON u.id = s.participant_id
        WHERE s.id = $1`,
      [id],
    );
    return row;
  }

  private async orgs(sql: string, id: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(sql, [id]);
    return rows.map((r) => r.id);
  }

  private async staffOf(organizationIds: string[], role: RecipientRole): Promise<Recipient[]> {
    if (organizationIds.length === 0) return [];
    const rows = await this.dataSource.query<Array<{ user_id: string }>>(
      `SELECT DISTINCT user_id FROM membership WHERE organization_id = ANY($1::uuid[])
        ORDER BY user_id`,
      [organizationIds],
    );
    return rows.map((r) => ({ userId: r.user_id, role }));
  }
}
