import { Injectable } from '@nestjs/common';
import { DomainEventPublisher, EventOf, OnEvent } from '@tsunagu/core';
import { TIME_ZONE_CHANGED } from '@tsunagu/identity';
import { EntityManager } from 'typeorm';
import { EVENT_PLACE_OFFERED } from './event-events';
import { CommunityEvent, EventRegistration, RegistrationStatus } from './event.entities';
import { reminderTimes } from './reminder-times';

// The waiting list and the reminders, inside the caller's transaction, which holds the event's
// row lock: every change to an event's places goes through that lock, so the count never
// exceeds the capacity and a freed place always goes to the first one waiting.
@Injectable()
export class RegistrationRules {
  constructor(private readonly events: DomainEventPublisher) {}

  // Takes one place if the event has one free; false when it is full. The guard in the UPDATE
  // (and the table's check) stands behind the lock.
  async takePlace(m: EntityManager, eventId: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows] = await m.query<[unknown[], number]>(
      `UPDATE community_event SET registered_count = registered_count + 1
        WHERE id = $1 AND (capacity IS NULL OR registered_count < capacity) RETURNING id`,
      [eventId],
    );
    return rows.length > 0;
  }

  async freePlace(m: EntityManager, eventId: string): Promise<void> {
    await m.query(
      `UPDATE community_event SET registered_count = registered_count - 1 WHERE id = $1`,
      [eventId],
    );
  }

  // Gives free places to those waiting, first come first served, while the event is published
  // and has not started; each promoted person hears of it.
  async promote(m: EntityManager, eventId: string): Promise<number> {
    let promoted = 0;
    for (;;) {
      const [next] = await m.query<Array<{ id: string }>>(
        `SELECT r.id FROM event_registration r JOIN community_event e ON e.id = r.event_id
          WHERE r.event_id = $1 AND r.status = 'WAITLISTED'
            AND e.status = 'PUBLISHED' AND e.starts_at > now()
          ORDER BY r.requested_at, r.id LIMIT 1`,
        [eventId],
      );
      if (!next || !(await this.takePlace(m, eventId))) return promoted;
      await m.query(
        `UPDATE event_registration SET status = $2, registered_at = now(), promoted_at = now()
          WHERE id = $1`,
        [next.id, RegistrationStatus.REGISTERED],
      );
      await this.scheduleReminders(m, next.id);
      await this.events.publish(m, EVENT_PLACE_OFFERED, { registrationId: next.id }, [
        next.id,
        String(Date.now()),
      ]);
      promoted += 1;
    }
  }

  // The registrant's reminders, computed in their own time zone; any unsent ones are replaced.
  async scheduleReminders(m: EntityManager, registrationId: string): Promise<void> {
    const [row] = await m.query<Array<{ starts_at: Date; time_zone: string }>>(
      `SELECT e.starts_at, u.time_zone
         FROM event_registration r
         JOIN community_event e ON e.id = r.event_id
         JOIN "user" u ON u.id = r.user_id
        WHERE r.id = $1`,
      [registrationId],
    );
    await m.query(`DELETE FROM event_reminder WHERE registration_id = $1 AND sent_at IS NULL`, [
      registrationId,
    ]);
    if (!row) return;
    for (const { kind, dueAt } of reminderTimes(row.starts_at, row.time_zone, new Date())) {
      // A reminder already sent for this moment stays sent.
      await m.query(
        `INSERT INTO event_reminder (registration_id, kind, due_at) VALUES ($1, $2, $3)
         ON CONFLICT (registration_id, kind) DO NOTHING`,
        [registrationId, kind, dueAt],
      );
    }
  }

  // The event moved: everyone holding a place gets reminders for the new time. Ones already sent
  // for the old time are sent again for the new one.
  async rescheduleReminders(m: EntityManager, eventId: string, _startsAt: Date): Promise<void> {
    const registrations = await m.query<Array<{ id: string }>>(
      `SELECT id FROM event_registration WHERE event_id = $1 AND status = 'REGISTERED'`,
      [eventId],
    );
    for (const { id } of registrations) {
      await m.query(`DELETE FROM event_reminder WHERE registration_id = $1`, [id]);
      await this.scheduleReminders(m, id);
    }
  }

  // The registrant chose another time zone: the reminders of their places at events still to
  // come follow their new clock. Their registration rows are locked first, so a cancellation
  // committing meanwhile is seen (its status re-read) and gets no reminder back.
  @OnEvent(TIME_ZONE_CHANGED)
  async followTimeZone(m: EntityManager, event: EventOf<typeof TIME_ZONE_CHANGED>): Promise<void> {
    const registrations = await m.query<Array<{ id: string }>>(
      `SELECT r.id FROM event_registration r JOIN community_event e ON e.id = r.event_id
        WHERE r.user_id = $1 AND r.status = 'REGISTERED'
          AND e.status = 'PUBLISHED' AND e.starts_at > now()
        ORDER BY r.id
        FOR UPDATE OF r`,
      [event.payload.userId],
    );
    for (const { id } of registrations) await this.scheduleReminders(m, id);
  }

  async dropReminders(m: EntityManager, eventId: string): Promise<void> {
    await m.query(
      `DELETE FROM event_reminder rm USING event_registration r
        WHERE rm.registration_id = r.id AND r.event_id = $1 AND rm.sent_at IS NULL`,
      [eventId],
    );
  }

  // Under the event's row lock, held by the caller.
  async cancelIn(m: EntityManager, registration: EventRegistration): Promise<void> {
    await m
      .getRepository(EventRegistration)
      .update(
        { id: registration.id },
        { status: RegistrationStatus.CANCELLED, cancelledAt: new Date() },
      );
    await m.query(`DELETE FROM event_reminder WHERE registration_id = $1 AND sent_at IS NULL`, [
      registration.id,
    ]);
    if (registration.status === RegistrationStatus.REGISTERED) {
      await this.freePlace(m, registration.eventId);
      await this.promote(m, registration.eventId);
    }
  }

  // The event's row, locked: taken first by everything that changes its places.
  lockEvent(m: EntityManager, eventId: string): Promise<CommunityEvent | null> {
    return m
      .getRepository(CommunityEvent)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :eventId', { eventId })
      .getOne();
  }
}
