import { toOrganizationType } from '@tsunagu/identity';
import { FREE_CANCELLATION_HOURS } from './cancellation-rules';
import type { BookingView } from './booking.service';
import type { MentorView } from './mentor.service';
import { MentoringBookingStatus, MentoringSlot } from './mentoring.entities';
import type { MentorType, MentoringBookingType, MentoringSlotType } from './mentoring.types';

const HOUR = 60 * 60 * 1000;

// A slot as members see it: the link only goes to the booking organisation, through its booking.
export function toMentoringSlotType(
  slot: MentoringSlot,
  booking: MentoringBookingType | null = null,
  forMentor = false,
): MentoringSlotType {
  return {
    id: slot.id,
    mentorId: slot.mentorId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    timeZone: slot.timeZone,
    format: slot.format,
    place: slot.place,
    meetingUrl: forMentor ? slot.meetingUrl : null,
    free: booking === null || booking.status !== MentoringBookingStatus.BOOKED,
    booking: forMentor ? booking : null,
  };
}

export function toMentorType(view: MentorView): MentorType {
  const m = view.mentor;
  return {
    id: m.id,
    userId: m.userId,
    displayName: m.user.displayName,
    bioJa: m.bioJa,
    bioEn: m.bioEn,
    themeCodes: m.themeCodes,
    offersOnline: m.offersOnline,
    offersOnSite: m.offersOnSite,
    freeSlots: view.freeSlots.map((s) => toMentoringSlotType(s)),
    freeSlotCount: view.freeSlotCount,
  };
}

export function toMentoringBookingType(view: BookingView, now = new Date()): MentoringBookingType {
  const b = view.booking;
  const booked = b.status === MentoringBookingStatus.BOOKED;
  return {
    id: b.id,
    slotId: b.slotId,
    organization: toOrganizationType(b.organization),
    bookedByName: view.bookedByName,
    mentorId: view.slot.mentorId,
    mentorName: view.mentorName,
    initiativeTitle: b.initiativeTitle,
    polish: b.polish,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    timeZone: view.slot.timeZone,
    format: view.slot.format,
    place: view.slot.place,
    meetingUrl: booked ? view.slot.meetingUrl : null,
    status: b.status,
    cancelledAt: b.cancelledAt,
    cancelledBy: b.cancelledBy,
    cancelReason: b.cancelReason,
    lateCancellation: b.lateCancellation,
    freeCancellation:
      booked && b.startsAt.getTime() - now.getTime() >= FREE_CANCELLATION_HOURS * HOUR,
    notes: b.notes,
    notesUpdatedAt: b.notesUpdatedAt,
    followUps: view.followUps.map((f) => ({
      id: f.id,
      text: f.text,
      dueOn: f.dueOn,
      doneAt: f.doneAt,
    })),
    createdAt: b.createdAt,
  };
}
