import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { DataSource } from 'typeorm';
import { MENTORING_BOOKED, MENTORING_CANCELLED } from './mentoring-events';

interface BookingFacts {
  booking_id: string;
  organization_id: string;
  organization_name: string;
  initiative_title: string;
  starts_at: Date;
  time_zone: string;
  mentor_user_id: string;
  mentor_name: string;
  booked_by_id: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
}

// What every mentoring message says: who, about which initiative, when.
function bookingVars(row: BookingFacts): Record<string, string> {
  return {
    organization: row.organization_name,
    initiative: row.initiative_title,
    mentor: row.mentor_name,
    startsAt: row.starts_at.toISOString(),
    timeZone: row.time_zone,
    ...(row.cancel_reason ? { reason: row.cancel_reason } : {}),
  };
}

// Who hears of the mentoring context's events: the mentor, and the staff member who booked.
@Injectable()
export class MentoringAudiences {
  constructor(private readonly dataSource: DataSource) {}

  @AudienceOf(MENTORING_BOOKED)
  async booked({ payload }: EventOf<typeof MENTORING_BOOKED>): Promise<EventAudience | null> {
    const row = await this.facts(payload.bookingId);
    if (!row) return null;
    return {
      vars: { ...bookingVars(row), side: 'MENTOR' },
      links: { mentoringBookingId: row.booking_id },
      recipients: [{ userId: row.mentor_user_id, role: RecipientRole.PARTICIPANT }],
      organizationIds: [],
    };
  }

  // The other side from the one who cancelled.
  @AudienceOf(MENTORING_CANCELLED)
  async cancelled({ payload }: EventOf<typeof MENTORING_CANCELLED>): Promise<EventAudience | null> {
    const row = await this.facts(payload.bookingId);
    if (!row) return null;
    const byMentor = row.cancelled_by === 'MENTOR';
    const recipient = byMentor
      ? row.booked_by_id && {
          userId: row.booked_by_id,
          role: RecipientRole.PARTICIPANT,
          organizationId: row.organization_id,
        }
      : { userId: row.mentor_user_id, role: RecipientRole.PARTICIPANT };
    return {
      vars: { ...bookingVars(row), side: byMentor ? 'MEMBER' : 'MENTOR' },
      links: byMentor
        ? { mentoringBookingId: row.booking_id, organizationId: row.organization_id }
        : { mentoringBookingId: row.booking_id },
      recipients: recipient ? [recipient] : [],
      organizationIds: [],
    };
  }

  private async facts(bookingId: string): Promise<BookingFacts | undefined> {
    const [row] = await this.dataSource.query<BookingFacts[]>(
      `SELECT b.id AS booking_id, b.organization_id, o.name AS organization_name,
              b.initiative_title, b.starts_at, s.time_zone, mt.user_id AS mentor_user_id,
              mu.display_name AS mentor_name, b.booked_by_id, b.cancelled_by, b.cancel_reason
         FROM mentoring_booking b
         JOIN organization o ON o.id = b.organization_id
         JOIN mentoring_slot s ON s.id = b.slot_id
         JOIN mentor mt ON mt.id = s.mentor_id
         JOIN "user" mu ON mu.id = mt.user_id
        WHERE b.id = $1`,
      [bookingId],
    );
    return row;
  }
}
