import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { EVENT_CANCELLED, EVENT_PLACE_OFFERED, EVENT_REMINDER } from './event-events';

interface EventFacts {
  event_id: string;
  title_ja: string;
  title_en: string | null;
  starts_at: Date;
  time_zone: string;
}

// What every event message says about the event: its title in both languages and its start.
function eventVars(row: EventFacts): Record<string, string> {
  return {
    event: row.title_ja,
    eventEn: row.title_en ?? row.title_ja,
    startsAt: row.starts_at.toISOString(),
    timeZone: row.time_zone,
  };
}

// Who hears of the events context's events: registrants, as participants.
@Injectable()
export class EventAudiences {
  constructor(private readonly dataSource: DataSource) {}

  @AudienceOf(EVENT_PLACE_OFFERED)
  async placeOffered({
    payload,
  }: EventOf<typeof EVENT_PLACE_OFFERED>): Promise<EventAudience | null> {
    return this.registrant(payload.registrationId, {});
  }

  // Sent only while the registration still holds its place.
  @AudienceOf(EVENT_REMINDER)
  async reminder({ payload }: EventOf<typeof EVENT_REMINDER>): Promise<EventAudience | null> {
    return this.registrant(payload.registrationId, { kind: payload.kind }, true);
  }

  @AudienceOf(EVENT_CANCELLED)
  async cancelled({ payload }: EventOf<typeof EVENT_CANCELLED>): Promise<EventAudience | null> {
    const rows = await this.dataSource.query<
      Array<EventFacts & { user_id: string | null; cancellation_reason: string | null }>
    >(
      `SELECT e.id AS event_id, e.title_ja, e.title_en, e.starts_at, e.time_zone,
              e.cancellation_reason, r.user_id
         FROM community_event e
         LEFT JOIN event_registration r
           ON r.event_id = e.id AND r.status IN ('REGISTERED', 'WAITLISTED')
        WHERE e.id = $1`,
      [payload.eventId],
    );
    if (rows.length === 0) return null;
    // Events cancelled before reasons were asked for have none.
    const reason = rows[0].cancellation_reason;
    return {
      vars: { ...eventVars(rows[0]), ...(reason ? { reason } : {}) },
      links: { eventId: rows[0].event_id },
      recipients: rows
        .filter((r) => r.user_id)
        .map((r) => ({ userId: r.user_id!, role: RecipientRole.PARTICIPANT })),
      organizationIds: [],
    };
  }

  private async registrant(
    registrationId: string,
    vars: Record<string, string>,
    registeredOnly = false,
  ): Promise<EventAudience | null> {
    const [row] = await this.dataSource.query<
      Array<EventFacts & { user_id: string; status: string; event_status: string }>
    >(
      `SELECT e.id AS event_id, e.title_ja, e.title_en, e.starts_at, e.time_zone, e.status AS event_status,
              r.user_id, r.status
         FROM event_registration r JOIN community_event e ON e.id = r.event_id
        WHERE r.id = $1`,
      [registrationId],
    );
    if (!row) return null;
    if (registeredOnly && (row.status !== 'REGISTERED' || row.event_status !== 'PUBLISHED'))
      return null;
    return {
      vars: { ...eventVars(row), ...vars },
      links: { eventId: row.event_id, registrationId },
      recipients: [{ userId: row.user_id, role: RecipientRole.PARTICIPANT }],
      organizationIds: [],
    };
  }
}
