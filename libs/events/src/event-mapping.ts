import { toMunicipalityType, toOrganizationType } from '@tsunagu/identity';
import { EventStatus, RegistrationStatus } from './event.entities';
import type { EventView } from './event.service';
import type { CommunityEventType, EventRegistrationType } from './event.types';
import type { RegistrationView } from './registration.service';

export function calendarPath(eventId: string, registrationId: string): string {
  return `/events/${eventId}/registrations/${registrationId}.ics`;
}

export function toEventRegistrationType(view: RegistrationView): EventRegistrationType {
  const r = view.registration;
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status,
    waitlistPosition: view.waitlistPosition,
    requestedAt: r.requestedAt,
    registeredAt: r.registeredAt,
    promotedAt: r.promotedAt,
    cancelledAt: r.cancelledAt,
    attended: r.attended,
    displayName: view.displayName,
    calendarPath: r.status === RegistrationStatus.REGISTERED ? calendarPath(r.eventId, r.id) : null,
  };
}

// The meeting link only for the organiser's staff and registrants holding a place, and never
// for a cancelled event.
export function toCommunityEventType(
  view: EventView,
  mine: RegistrationView | null,
): CommunityEventType {
  const e = view.event;
  const holdsPlace = mine?.registration.status === RegistrationStatus.REGISTERED;
  const municipality = toMunicipalityType(e.municipalityCode);
  return {
    id: e.id,
    organizer: toOrganizationType(e.organizer),
    kind: e.kind,
    format: e.format,
    status: e.status,
    titleJa: e.titleJa,
    titleEn: e.titleEn,
    descriptionJa: e.descriptionJa,
    descriptionEn: e.descriptionEn,
    themeCodes: e.themeCodes,
    audienceKinds: e.audienceKinds,
    forCouncilMembers: e.forCouncilMembers,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    place: municipality && e.venue ? { municipality, venue: e.venue } : null,
    meetingUrl:
      (view.canManage || holdsPlace) && e.status !== EventStatus.CANCELLED ? e.meetingUrl : null,
    capacity: e.capacity,
    registeredCount: e.registeredCount,
    waitlistedCount: view.waitlistedCount,
    presentingRegions: view.presenters.map(toOrganizationType),
    myRegistration: mine ? toEventRegistrationType(mine) : null,
    canManage: view.canManage,
    cohortId: e.cohortId,
    publishedAt: e.publishedAt,
    cancelledAt: e.cancelledAt,
  };
}
