import { Injectable } from '@nestjs/common';
import { AppError, ConflictReason, DomainEventPublisher, PersonalDataOf } from '@tsunagu/core';
import { CouncilMembershipService } from '@tsunagu/council';
import { Actor, Organization, User } from '@tsunagu/identity';
import { DataSource, EntityManager, In } from 'typeorm';
import { cancellationOutcome } from './cancellation-rules';
import { MentoringAccess } from './mentoring-access';
import { MENTORING_BOOKED, MENTORING_CANCELLED } from './mentoring-events';
import {
  Mentor,
  MentoringBooking,
  MentoringBookingStatus,
  MentoringCancelledBy,
  MentoringFollowUp,
  MentoringSlot,
} from './mentoring.entities';
import {
  AddMentoringFollowUpInput,
  BookMentoringSlotInput,
  CancelMentoringBookingInput,
  SetMentoringFollowUpDoneInput,
  WriteMentoringNotesInput,
} from './mentoring.types';

// A booking with what showing it needs.
export interface BookingView {
  booking: MentoringBooking & { organization: Organization };
  slot: MentoringSlot;
  mentorName: string;
  bookedByName: string | null;
  followUps: MentoringFollowUp[];
}

// Bookings, cancellations, the mentor's notes and follow-ups. Every change to a slot's booking
// holds the slot's row lock; booking also holds the organisation's advisory lock, so neither a
// slot nor an organisation's calendar is ever double-booked.
@Injectable()
export class BookingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MentoringAccess,
    private readonly events: DomainEventPublisher,
    private readonly council: CouncilMembershipService,
  ) {}

  async book(actor: Actor, input: BookMentoringSlotInput): Promise<BookingView> {
    this.access.assertMayBookFor(actor, input.organizationId);
    const id = await this.dataSource.transaction(async (m) => {
      // Mentoring is for the council's approved member organisations (NOT_A_COUNCIL_MEMBER).
      await this.council.assertApprovedMember(input.organizationId, m);
      const slot = await this.lockSlot(m, input.slotId);
      if (!slot || slot.removedAt) throw AppError.notFound('Slot', input.slotId);
      const mentor = await m.getRepository(Mentor).findOneByOrFail({ id: slot.mentorId });
      if (mentor.userId === actor.userId) {
        throw AppError.invalidField(['input', 'slotId'], 'is one of your own slots');
      }
      if (slot.startsAt.getTime() <= Date.now()) {
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This slot has already started');
      }
      const [taken] = await m.query<Array<{ id: string }>>(
        `SELECT id FROM mentoring_booking WHERE slot_id = $1 AND status = 'BOOKED'`,
        [slot.id],
      );
      if (taken) {
        throw AppError.conflict(ConflictReason.SLOT_TAKEN, 'Someone booked this slot first');
      }
      // Orders the organisation's bookings: two overlapping slots booked at once cannot both pass.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `mentoring-organization:${input.organizationId}`,
      ]);
      const [overlapping] = await m.query<Array<{ id: string }>>(
        `SELECT id FROM mentoring_booking
          WHERE organization_id = $1 AND status = 'BOOKED' AND starts_at < $3 AND ends_at > $2
          LIMIT 1`,
        [input.organizationId, slot.startsAt, slot.endsAt],
      );
      if (overlapping) {
        throw AppError.conflict(
          ConflictReason.OVERLAPPING_SESSION,
          'Your organisation already has a session at that time',
        );
      }
      const inserted = await m.getRepository(MentoringBooking).insert({
        slotId: slot.id,
        organizationId: input.organizationId,
        bookedById: actor.userId,
        initiativeTitle: input.initiativeTitle,
        polish: input.polish,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: MentoringBookingStatus.BOOKED,
      });
      const bookingId = (inserted.identifiers[0] as { id: string }).id;
      await this.events.publish(m, MENTORING_BOOKED, { bookingId }, [bookingId]);
      return bookingId;
    });
    return this.viewOf(id);
  }

  // Either side, until the session starts; the slot is free again at once (exactly once: only a
  // BOOKED row turns CANCELLED, under the slot's lock).
  async cancel(actor: Actor, input: CancelMentoringBookingInput): Promise<BookingView> {
    await this.dataSource.transaction(async (m) => {
      const found = await m.getRepository(MentoringBooking).findOneBy({ id: input.bookingId });
      if (!found) throw AppError.notFound('Booking', input.bookingId);
      await this.lockSlot(m, found.slotId);
      const booking = await m.getRepository(MentoringBooking).findOneByOrFail({ id: found.id });
      const by = await this.sideOf(m, actor, booking);
      if (!by) throw AppError.notFound('Booking', input.bookingId);
      if (booking.status !== MentoringBookingStatus.BOOKED) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'This session is already cancelled');
      }
      const reason = input.reason || null;
      const outcome = cancellationOutcome(by, booking.startsAt, new Date(), reason);
      if (!outcome.allowed) {
        if (outcome.reason === 'REASON_REQUIRED') {
          throw AppError.invalidField(['input', 'reason'], 'is required when the mentor cancels');
        }
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This session has already started');
      }
      await m.getRepository(MentoringBooking).update(
        { id: booking.id, status: MentoringBookingStatus.BOOKED },
        {
          status: MentoringBookingStatus.CANCELLED,
          cancelledAt: new Date(),
          cancelledBy: by,
          cancelReason: reason,
          lateCancellation: outcome.late,
        },
      );
      await this.events.publish(m, MENTORING_CANCELLED, { bookingId: booking.id }, [booking.id]);
    });
    return this.viewOf(input.bookingId);
  }

  // The mentor's notes, from the booking on (prepared before, completed after the session).
  async writeNotes(actor: Actor, input: WriteMentoringNotesInput): Promise<BookingView> {
    const booking = await this.mentorsBooking(actor, input.bookingId);
    await this.dataSource
      .getRepository(MentoringBooking)
      .update(
        { id: booking.id },
        { notes: input.notes?.trim() ? input.notes : null, notesUpdatedAt: new Date() },
      );
    return this.viewOf(booking.id);
  }

  async addFollowUp(actor: Actor, input: AddMentoringFollowUpInput): Promise<BookingView> {
    const booking = await this.mentorsBooking(actor, input.bookingId);
    await this.dataSource
      .getRepository(MentoringFollowUp)
      .insert({ bookingId: booking.id, text: input.text, dueOn: input.dueOn ?? null });
    return this.viewOf(booking.id);
  }

  // The member's staff (or the mentor) tick a follow-up done, or undo it.
  async setFollowUpDone(actor: Actor, input: SetMentoringFollowUpDoneInput): Promise<BookingView> {
    const followUp = await this.dataSource
      .getRepository(MentoringFollowUp)
      .findOneBy({ id: input.followUpId });
    if (!followUp) throw AppError.notFound('Follow-up', input.followUpId);
    const booking = await this.dataSource
      .getRepository(MentoringBooking)
      .findOneByOrFail({ id: followUp.bookingId });
    if (!(await this.sideOf(this.dataSource.manager, actor, booking))) {
      throw AppError.notFound('Follow-up', input.followUpId);
    }
    await this.dataSource
      .getRepository(MentoringFollowUp)
      .update(
        { id: followUp.id },
        input.done
          ? { doneAt: new Date(), doneById: actor.userId }
          : { doneAt: null, doneById: null },
      );
    return this.viewOf(booking.id);
  }

  // An organisation's sessions, latest first, with notes and follow-ups: its staff.
  async forOrganization(actor: Actor, organizationId: string): Promise<BookingView[]> {
    this.access.assertStaffOf(actor, organizationId);
    return this.views({ organizationId });
  }

  // Every session in the mentor's slots (cancelled ones included), latest first.
  async forMentor(mentorId: string): Promise<BookingView[]> {
    return this.views({ mentorId });
  }

  async viewOf(bookingId: string): Promise<BookingView> {
    const [view] = await this.views({ bookingIds: [bookingId] });
    if (!view) throw AppError.notFound('Booking', bookingId);
    return view;
  }

  @PersonalDataOf('mentoringBookings')
  async export(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT b.initiative_title AS "initiativeTitle", b.polish, b.starts_at AS "startsAt",
              b.status, b.cancelled_at AS "cancelledAt"
         FROM mentoring_booking b WHERE b.booked_by_id = $1 ORDER BY b.starts_at`,
      [userId],
    );
  }

  // MENTOR when the actor is the slot's mentor, MEMBER when on the booking organisation's staff.
  private async sideOf(
    m: EntityManager,
    actor: Actor,
    booking: MentoringBooking,
  ): Promise<MentoringCancelledBy | null> {
    const [mentor] = await m.query<Array<{ user_id: string }>>(
      `SELECT mt.user_id FROM mentoring_slot s JOIN mentor mt ON mt.id = s.mentor_id WHERE s.id = $1`,
      [booking.slotId],
    );
    if (mentor?.user_id === actor.userId) return MentoringCancelledBy.MENTOR;
    if (this.access.isStaffOf(actor, booking.organizationId)) return MentoringCancelledBy.MEMBER;
    return null;
  }

  private async mentorsBooking(actor: Actor, bookingId: string): Promise<MentoringBooking> {
    const booking = await this.dataSource
      .getRepository(MentoringBooking)
      .findOneBy({ id: bookingId });
    if (
      !booking ||
      (await this.sideOf(this.dataSource.manager, actor, booking)) !== MentoringCancelledBy.MENTOR
    ) {
      throw AppError.notFound('Booking', bookingId);
    }
    if (booking.status !== MentoringBookingStatus.BOOKED) {
      throw AppError.conflict(ConflictReason.WRONG_STATUS, 'This session was cancelled');
    }
    return booking;
  }

  private lockSlot(m: EntityManager, slotId: string): Promise<MentoringSlot | null> {
    return m
      .getRepository(MentoringSlot)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :slotId', { slotId })
      .getOne();
  }

  // Bookings with their slot, mentor, organisation and follow-ups, in two queries.
  private async views(where: {
    organizationId?: string;
    mentorId?: string;
    bookingIds?: string[];
  }): Promise<BookingView[]> {
    const query = this.dataSource
      .getRepository(MentoringBooking)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.organization', 'o')
      .innerJoinAndSelect('b.slot', 's')
      .innerJoin(Mentor, 'mt', 'mt.id = s.mentorId')
      .innerJoin(User, 'mu', 'mu.id = mt.userId')
      .leftJoin(User, 'bu', 'bu.id = b.bookedById')
      .addSelect(['mu.displayName', 'bu.displayName'])
      .orderBy('b.startsAt', 'DESC')
      .addOrderBy('b.createdAt', 'DESC');
    if (where.organizationId) {
      query.andWhere('b.organizationId = :organizationId', {
        organizationId: where.organizationId,
      });
    }
    if (where.mentorId) query.andWhere('s.mentorId = :mentorId', { mentorId: where.mentorId });
    if (where.bookingIds) {
      query.andWhere('b.id IN (:...bookingIds)', { bookingIds: where.bookingIds });
    }
    const { entities, raw } = await query.getRawAndEntities<{
      b_id: string;
      mu_display_name: string;
      bu_display_name: string | null;
    }>();
    const names = new Map(raw.map((r) => [r.b_id, r]));
    const followUps =
      entities.length === 0
        ? []
        : await this.dataSource.getRepository(MentoringFollowUp).find({
            where: { bookingId: In(entities.map((b) => b.id)) },
            order: { createdAt: 'ASC', id: 'ASC' },
          });
    return entities.map((booking) => ({
      booking: booking as MentoringBooking & { organization: Organization },
      slot: booking.slot!,
      mentorName: names.get(booking.id)?.mu_display_name ?? '',
      bookedByName: names.get(booking.id)?.bu_display_name ?? null,
      followUps: followUps.filter((f) => f.bookingId === booking.id),
    }));
  }
}
