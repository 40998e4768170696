import { Injectable } from '@nestjs/common';
import { DomainEventPublisher, OnEvent, PersonalDataOf } from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { COUNCIL_MEMBER_LEFT } from '@tsunagu/council';
import { ACCOUNT_DELETED } from '@tsunagu/identity';
import { EntityManager } from 'typeorm';
import { MENTORING_CANCELLED } from './mentoring-events';
import {
  Mentor,
  MentoringBookingStatus,
  MentoringCancelledBy,
  MentoringPlatformReason,
} from './mentoring.entities';

// What happens to mentoring when someone leaves: a mentor who deletes their account, or a member
// organisation that leaves the council. Sessions that have not started are cancelled by the
// platform (the other side hears why); sessions held stay as the organisation's record.
//
// A member's staff member who deletes their account changes nothing here: a booking is the
// organisation's (its other staff see, keep and cancel it, and hear when the mentor cancels),
// so it stays booked, showing the booker as a former member.
@Injectable()
export class MentoringDepartures {
  constructor(private readonly events: DomainEventPublisher) {}

  // The mentor's profile, slots and the sessions held in them, with their own notes and
  // follow-ups. Organisations appear by name only.
  @PersonalDataOf('mentorProfile')
  async export(m: EntityManager, userId: string): Promise<unknown> {
    const [mentor] = await m.query<Array<Record<string, unknown>>>(
      `SELECT mt.bio_ja AS "bioJa", mt.bio_en AS "bioEn", mt.theme_codes AS "themeCodes",
              mt.offers_online AS "offersOnline", mt.offers_on_site AS "offersOnSite",
              mt.appointed_at AS "appointedAt",
              COALESCE((SELECT json_agg(json_build_object('startsAt', s.starts_at,
                  'endsAt', s.ends_at, 'timeZone', s.time_zone, 'format', s.format,
                  'place', s.place, 'meetingUrl', s.meeting_url, 'removedAt', s.removed_at)
                  ORDER BY s.starts_at)
                FROM mentoring_slot s WHERE s.mentor_id = mt.id), '[]') AS slots,
              COALESCE((SELECT json_agg(json_build_object('organization', o.name,
                  'initiativeTitle', b.initiative_title, 'polish', b.polish,
                  'startsAt', b.starts_at, 'status', b.status, 'cancelledBy', b.cancelled_by,
                  'cancelReason', b.cancel_reason, 'notes', b.notes,
                  'followUps', COALESCE((SELECT json_agg(json_build_object('text', f.text,
                      'dueOn', f.due_on, 'doneAt', f.done_at) ORDER BY f.created_at)
                    FROM mentoring_follow_up f WHERE f.booking_id = b.id), '[]'))
                  ORDER BY b.starts_at, b.id)
                FROM mentoring_booking b
                JOIN mentoring_slot s ON s.id = b.slot_id
                JOIN organization o ON o.id = b.organization_id
               WHERE s.mentor_id = mt.id), '[]') AS sessions
         FROM mentor mt WHERE mt.user_id = $1`,
      [userId],
    );
    return mentor ?? null;
  }

  // A departed mentor: the profile is blanked (the row stays: held sessions point at it), sessions
  // to come are cancelled with notice to the booking organisation's staff, and the free slots go.
  // Under the mentor's row lock (as publishing takes) and each slot's (as booking takes).
  @OnEvent(ACCOUNT_DELETED)
  async mentorLeft(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    const mentor = await m.getRepository(Mentor).findOne({
      where: { userId: event.payload.userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!mentor) return;
    await m
      .getRepository(Mentor)
      .update({ id: mentor.id }, { bioJa: '', bioEn: null, themeCodes: [] });
    const slots = await m.query<Array<{ id: string }>>(
      `SELECT id FROM mentoring_slot
        WHERE mentor_id = $1 AND removed_at IS NULL AND starts_at > now()
        ORDER BY id FOR UPDATE`,
      [mentor.id],
    );
    const ids = slots.map((s) => s.id);
    await this.cancelBooked(
      m,
      `slot_id = ANY($1::uuid[])`,
      [ids],
      MentoringPlatformReason.MENTOR_LEFT,
    );
    await m.query(`UPDATE mentoring_slot SET removed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  // An organisation that left the council is no longer mentored: its sessions to come are
  // cancelled, each mentor hears, and the slots are free again.
  @OnEvent(COUNCIL_MEMBER_LEFT)
  async memberLeft(m: EntityManager, event: EventOf<typeof COUNCIL_MEMBER_LEFT>): Promise<void> {
    const slots = await m.query<Array<{ slot_id: string }>>(
      `SELECT s.id AS slot_id FROM mentoring_slot s
         JOIN mentoring_booking b ON b.slot_id = s.id
        WHERE b.organization_id = $1 AND b.status = 'BOOKED' AND b.starts_at > now()
        ORDER BY s.id FOR UPDATE OF s`,
      [event.payload.organizationId],
    );
    if (slots.length === 0) return;
    await this.cancelBooked(
      m,
      `organization_id = $1 AND slot_id = ANY($2::uuid[])`,
      [event.payload.organizationId, slots.map((s) => s.slot_id)],
      MentoringPlatformReason.LEFT_COUNCIL,
    );
  }

  // Booked sessions matching `where` that have not started, cancelled by the platform, each
  // announced once. The callers hold the slots' locks.
  private async cancelBooked(
    m: EntityManager,
    where: string,
    params: unknown[],
    reason: MentoringPlatformReason,
  ): Promise<void> {
    const reasonAt = params.length + 1;
    const cancelled = await m.query<[Array<{ id: string }>, number]>(
      `UPDATE mentoring_booking SET status = $${reasonAt + 1}, cancelled_at = now(),
              cancelled_by = $${reasonAt + 2}, cancel_reason = $${reasonAt}
        WHERE ${where} AND status = 'BOOKED' AND starts_at > now()
        RETURNING id`,
      [...params, reason, MentoringBookingStatus.CANCELLED, MentoringCancelledBy.PLATFORM],
    );
    for (const { id } of cancelled[0]) {
      await this.events.publish(m, MENTORING_CANCELLED, { bookingId: id }, [id]);
    }
  }
}
