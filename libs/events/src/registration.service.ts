import { Injectable, Logger } from '@nestjs/common';
import {
  AppError,
  ConflictReason,
  DomainEventPublisher,
  FieldProblem,
  JapanGeography,
  OnEvent,
  PersonalDataOf,
} from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { CouncilMembershipService } from '@tsunagu/council';
import { ACCOUNT_DELETED, Actor } from '@tsunagu/identity';
import { ParticipantProfile } from '@tsunagu/participants';
import { DataSource, EntityManager, In } from 'typeorm';
import { EVENT_REMINDER } from './event-events';
import { EventGuardianConsent } from './event-guardian-consent';
import { EventFormat, EventRegistration, EventStatus, RegistrationStatus } from './event.entities';
import { EventService } from './event.service';
import { renderIcs } from './ics';
import { RegistrationRules } from './registration-rules';

// A registration with what showing it needs.
export interface RegistrationView {
  registration: EventRegistration;
  displayName: string;
  waitlistPosition: number | null;
}

export interface ReminderSweepOutcome {
  reminders: number;
}

// Registering, cancelling, the waiting list, attendance, reminders and calendar files.
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RegistrationRules,
    private readonly eventService: EventService,
    private readonly events: DomainEventPublisher,
    private readonly council: CouncilMembershipService,
    private readonly guardians: EventGuardianConsent,
  ) {}

  // A place if one is free, else the end of the waiting list. The event's row lock orders every
  // registration and cancellation of the event, so none of them races another.
  async register(actor: Actor, eventId: string): Promise<RegistrationView> {
    const id = await this.dataSource.transaction(async (m) => {
      const event = await this.rules.lockEvent(m, eventId);
      if (!event || event.status === EventStatus.DRAFT) throw AppError.notFound('Event', eventId);
      if (event.status !== EventStatus.PUBLISHED) {
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This event was cancelled');
      }
      if (event.startsAt.getTime() <= Date.now()) {
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This event has already started');
      }
      if (event.audienceKinds.length > 0) {
        const profile = await m
          .getRepository(ParticipantProfile)
          .findOne({ where: { userId: actor.userId }, select: { userId: true, kind: true } });
        if (!profile || !event.audienceKinds.includes(profile.kind)) {
          throw AppError.conflict(
            ConflictReason.NOT_ELIGIBLE,
            'This event is for other kinds of participants',
          );
        }
      }
      if (event.forCouncilMembers) {
        const organizationIds = actor.memberships.map((x) => x.organizationId);
        if (!(await this.council.anyApprovedMember(organizationIds, m))) {
          throw AppError.conflict(
            ConflictReason.NOT_A_COUNCIL_MEMBER,
            "This is the council's member event: register as staff of a member organisation",
          );
        }
      }
      const existing = await m
        .getRepository(EventRegistration)
        .findOneBy({ eventId, userId: actor.userId });
      if (existing && existing.status !== RegistrationStatus.CANCELLED) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'You are already registered');
      }
      const placed = await this.rules.takePlace(m, eventId);
      const now = new Date();
      const row = {
        status: placed ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED,
        requestedAt: now,
        registeredAt: placed ? now : null,
        promotedAt: null,
        cancelledAt: null,
        attended: null,
        attendanceRecordedAt: null,
      };
      let registrationId: string;
      if (existing) {
        await m.getRepository(EventRegistration).update({ id: existing.id }, row);
        registrationId = existing.id;
      } else {
        const inserted = await m
          .getRepository(EventRegistration)
          .insert({ ...row, eventId, userId: actor.userId });
        registrationId = (inserted.identifiers[0] as { id: string }).id;
      }
      if (placed) await this.rules.scheduleReminders(m, registrationId);
      await this.guardians.requestWithin(m, event, registrationId, actor.userId);
      return registrationId;
    });
    return this.viewOf(id);
  }

  // Before the event starts. A freed place goes to the first one waiting, in the same transaction.
  async cancel(actor: Actor, eventId: string): Promise<RegistrationView> {
    const id = await this.dataSource.transaction(async (m) => {
      const event = await this.rules.lockEvent(m, eventId);
      if (!event) throw AppError.notFound('Event', eventId);
      const registration = await m
        .getRepository(EventRegistration)
        .findOneBy({ eventId, userId: actor.userId });
      if (!registration) throw AppError.notFound('Registration for event', eventId);
      if (registration.status === RegistrationStatus.CANCELLED) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'This registration is cancelled');
      }
      if (event.status === EventStatus.PUBLISHED && event.startsAt.getTime() <= Date.now()) {
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This event has already started');
      }
      await this.rules.cancelIn(m, registration);
      return registration.id;
    });
    return this.viewOf(id);
  }

  // The organiser's staff take attendance once the event has started, for those holding a place.
  async recordAttendance(
    actor: Actor,
    eventId: string,
    entries: Array<{ registrationId: string; attended: boolean }>,
  ): Promise<RegistrationView[]> {
    await this.dataSource.transaction(async (m) => {
      const event = await this.eventService.staffEvent(m, actor, eventId);
      if (event.status !== EventStatus.PUBLISHED || event.startsAt.getTime() > Date.now()) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'Attendance is taken once a published event has started',
        );
      }
      const registrations = new Map(
        (
          await m.getRepository(EventRegistration).findBy({
            eventId,
            id: In(entries.map((e) => e.registrationId)),
          })
        ).map((r) => [r.id, r]),
      );
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        const path = ['input', 'entries', String(i), 'registrationId'];
        const registration = registrations.get(entry.registrationId);
        if (seen.has(entry.registrationId)) problems.push({ path, message: 'is listed twice' });
        else if (!registration)
          problems.push({ path, message: 'is not a registration of this event' });
        else if (registration.status !== RegistrationStatus.REGISTERED) {
          problems.push({ path, message: `is ${registration.status}: it holds no place` });
        }
        seen.add(entry.registrationId);
      });
      if (problems.length) throw AppError.invalidFields(problems);
      for (const entry of entries) {
        if (entry.attended) await this.guardians.assertConsentedWithin(m, entry.registrationId);
        await m
          .getRepository(EventRegistration)
          .update(
            { id: entry.registrationId },
            { attended: entry.attended, attendanceRecordedAt: new Date() },
          );
      }
    });
    return this.forEvent(actor, eventId);
  }

  // Everyone who registered, for the organiser's staff: places first, then the waiting list in
  // its order, then the cancelled.
  async forEvent(actor: Actor, eventId: string): Promise<RegistrationView[]> {
    await this.eventService.staffEvent(this.dataSource.manager, actor, eventId);
    const rows = await this.registrations()
      .where('r.eventId = :eventId', { eventId })
      .orderBy(`CASE r.status WHEN 'REGISTERED' THEN 0 WHEN 'WAITLISTED' THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy('r.requestedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    let waiting = 0;
    return rows.map((r) => ({
      registration: r,
      displayName: r.user!.displayName,
      waitlistPosition: r.status === RegistrationStatus.WAITLISTED ? ++waiting : null,
    }));
  }

  // The actor's own registrations of these events (cancelled ones included), by event.
  async mineFor(
    actor: Actor | undefined,
    eventIds: string[],
  ): Promise<Map<string, RegistrationView>> {
    if (!actor || eventIds.length === 0) return new Map();
    const rows = await this.registrations()
      .where('r.userId = :userId AND r.eventId IN (:...eventIds)', {
        userId: actor.userId,
        eventIds,
      })
      .getMany();
    const positions = await this.positions(rows);
    return new Map(
      rows.map((r) => [
        r.eventId,
        {
          registration: r,
          displayName: r.user!.displayName,
          waitlistPosition: positions.get(r.id) ?? null,
        },
      ]),
    );
  }

  // The events the actor registered for or waits for, soonest first (cancelled ones left out).
  async mine(actor: Actor): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ event_id: string }>>(
      `SELECT r.event_id FROM event_registration r JOIN community_event e ON e.id = r.event_id
        WHERE r.user_id = $1 AND r.status <> 'CANCELLED' AND e.status <> 'DRAFT'
        ORDER BY e.starts_at, e.id`,
      [actor.userId],
    );
    return rows.map((r) => r.event_id);
  }

  // The registrant's calendar file. Anyone else, or a registration holding no place, is NOT_FOUND.
  async calendarFile(
    actor: Actor,
    eventId: string,
    registrationId: string,
  ): Promise<{ filename: string; body: string }> {
    const registration = await this.dataSource.getRepository(EventRegistration).findOne({
      where: { id: registrationId, eventId, userId: actor.userId },
      relations: { event: true },
    });
    if (!registration || registration.status !== RegistrationStatus.REGISTERED) {
      throw AppError.notFound('Registration', registrationId);
    }
    const event = registration.event!;
    const english = actor.locale === 'en';
    const municipality = event.municipalityCode
      ? JapanGeography.get().municipality(event.municipalityCode)
      : undefined;
    const place =
      event.format === EventFormat.ONLINE
        ? english
          ? 'Online'
          : 'オンライン'
        : [event.venue, english ? municipality?.nameEn : municipality?.nameJa]
            .filter(Boolean)
            .join(', ');
    const description = [
      (english && event.descriptionEn) || event.descriptionJa,
      event.meetingUrl ?? '',
    ]
      .filter(Boolean)
      .join('\n\n');
    return {
      filename: `tsunagu-event-${event.id}.ics`,
      body: renderIcs({
        uid: `${registration.id}@tsunagu`,
        stamp: new Date(),
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        summary: (english && event.titleEn) || event.titleJa,
        description,
        location: place,
        url: event.meetingUrl,
        cancelled: event.status === EventStatus.CANCELLED,
      }),
    };
  }

  // Sends each reminder once when it falls due: sentAt is set in the transaction that records
  // the event, so re-runs (and concurrent runs) are no-ops. A registration that no longer holds
  // a place, or an event that started, cancelled or moved, is skipped.
  async sendDueReminders(): Promise<ReminderSweepOutcome> {
    const due = await this.dataSource.query<Array<{ registration_id: string; kind: string }>>(
      `SELECT rm.registration_id, rm.kind FROM event_reminder rm
        WHERE rm.sent_at IS NULL AND rm.due_at <= now()
        ORDER BY rm.due_at, rm.registration_id`,
    );
    const outcome: ReminderSweepOutcome = { reminders: 0 };
    for (const { registration_id: registrationId, kind } of due) {
      await this.dataSource.transaction(async (m) => {
        const [claimed] = await m.query<[unknown[], number]>(
          `UPDATE event_reminder rm SET sent_at = now()
             FROM event_registration r JOIN community_event e ON e.id = r.event_id
            WHERE rm.registration_id = $1 AND rm.kind = $2 AND rm.sent_at IS NULL
              AND r.id = rm.registration_id AND r.status = 'REGISTERED'
              AND e.status = 'PUBLISHED' AND e.starts_at > now()
           RETURNING rm.registration_id`,
          [registrationId, kind],
        );
        if (claimed.length === 0) return;
        await this.events.publish(m, EVENT_REMINDER, { registrationId, kind }, [
          registrationId,
          kind,
        ]);
        outcome.reminders += 1;
      });
    }
    if (outcome.reminders) this.logger.log(`${outcome.reminders} event reminder(s) sent`);
    return outcome;
  }

  async viewOf(registrationId: string): Promise<RegistrationView> {
    const registration = await this.registrations()
      .where('r.id = :registrationId', { registrationId })
      .getOneOrFail();
    const positions = await this.positions([registration]);
    return {
      registration,
      displayName: registration.user!.displayName,
      waitlistPosition: positions.get(registration.id) ?? null,
    };
  }

  @PersonalDataOf('eventRegistrations')
  async export(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT json_build_object('id', e.id, 'title', e.title_ja, 'startsAt', e.starts_at) AS event,
              r.status, r.requested_at AS "requestedAt", r.registered_at AS "registeredAt",
              r.cancelled_at AS "cancelledAt", r.attended
         FROM event_registration r JOIN community_event e ON e.id = r.event_id
        WHERE r.user_id = $1 ORDER BY r.requested_at`,
      [userId],
    );
  }

  // A departed member's places go to those waiting; the registrations stay, anonymised with the
  // account, as attendance records.
  @OnEvent(ACCOUNT_DELETED)
  async releasePlaces(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    const open = await m.getRepository(EventRegistration).findBy({
      userId: event.payload.userId,
      status: In([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]),
    });
    for (const registration of open) {
      const locked = await this.rules.lockEvent(m, registration.eventId);
      if (locked && locked.startsAt.getTime() > Date.now())
        await this.rules.cancelIn(m, registration);
    }
  }

  private registrations() {
    return this.dataSource
      .getRepository(EventRegistration)
      .createQueryBuilder('r')
      .innerJoin('r.user', 'u')
      .addSelect(['u.id', 'u.displayName']);
  }

  // Places on the waiting list of the waitlisted ones, in one query.
  private async positions(rows: EventRegistration[]): Promise<Map<string, number>> {
    const waiting = rows.filter((r) => r.status === RegistrationStatus.WAITLISTED).map((r) => r.id);
    if (waiting.length === 0) return new Map();
    const positions = await this.dataSource.query<Array<{ id: string; position: number }>>(
      `SELECT r.id, (SELECT count(*)::int FROM event_registration w
                      WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED'
                        AND (w.requested_at, w.id) <= (r.requested_at, r.id)) AS position
         FROM event_registration r WHERE r.id = ANY($1)`,
      [waiting],
    );
    return new Map(positions.map((p) => [p.id, p.position]));
  }
}
