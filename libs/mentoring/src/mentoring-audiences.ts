import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, Recipient, RecipientRole } from '@tsunagu/core';
import { staffRecipients } from '@tsunagu/identity';
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

// What every mentoring message says: who, about which initiative, when; and why it was
// cancelled (the mentor's words, or the platform's reason code as `why`).
function bookingVars(row: BookingFacts): Record<string, string> {
  const byPlatform = row.cancelled_by === 'PLATFORM';
  return {
    organization: row.organization_name,
    initiative: row.initiative_title,
    mentor: row.mentor_name,
    startsAt: row.starts_at.toISOString(),
    timeZone: row.time_zone,
    ...(row.cancel_reason ? { [byPlatform ? 'why' : 'reason']: row.cancel_reason } : {}),
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

  // The other side from the one who cancelled, or who stays when the platform cancelled: the
  // mentor when the organisation cancelled or left the council; the organisation when the
  // mentor cancelled (the staff member who booked, or all its staff once they are gone) or left.
  @AudienceOf(MENTORING_CANCELLED)
  async cancelled({ payload }: EventOf<typeof MENTORING_CANCELLED>): Promise<EventAudience | null> {
    const row = await this.facts(payload.bookingId);
    if (!row) return null;
    const toMember =
      row.cancelled_by === 'MENTOR' ||
      (row.cancelled_by === 'PLATFORM' && row.cancel_reason === 'MENTOR_LEFT');
    return {
      vars: { ...bookingVars(row), side: toMember ? 'MEMBER' : 'MENTOR' },
      links: toMember
        ? { mentoringBookingId: row.booking_id, organizationId: row.organization_id }
        : { mentoringBookingId: row.booking_id },
      recipients: toMember
        ? await this.memberSide(row)
        : [{ userId: row.mentor_user_id, role: RecipientRole.PARTICIPANT }],
      organizationIds: [],
    };
  }

  // The staff member who booked while they are still on the staff; else every staff member.
  private async memberSide(row: BookingFacts): Promise<Recipient[]> {
    const staff = await staffRecipients(
      this.dataSource,
      [row.organization_id],
      RecipientRole.PARTICIPANT,
    );
    const booker = staff.filter((r) => r.userId === row.booked_by_id);
    return row.cancelled_by === 'MENTOR' && booker.length ? booker : staff;
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
