import { Injectable } from '@nestjs/common';
import { AppError, ConflictReason, dayIn, EventOf, OnEvent } from '@tsunagu/core';
import { Organization } from '@tsunagu/identity';
import {
  ConsentSubjectKind,
  GUARDIAN_CONSENT_ENDED,
  GuardianConsent,
  GuardianConsents,
  GuardianConsentStatus,
} from '@tsunagu/participants';
import { EntityManager } from 'typeorm';
import { CommunityEvent, EventRegistration, RegistrationStatus } from './event.entities';
import { RegistrationRules } from './registration-rules';

// Event registrations of participants under 18 and their guardians' consent. The registration
// holds its place (or its turn on the waiting list) while the guardian is asked, so a child is
// never overtaken for waiting on a parent; the place is only attended with consent, and a refusal
// or withdrawal cancels the registration the usual way, which gives the place to the next waiting.
@Injectable()
export class EventGuardianConsent {
  constructor(
    private readonly consents: GuardianConsents,
    private readonly rules: RegistrationRules,
  ) {}

  // In the registering transaction, under the event's lock. A registration made again keeps the
  // consent asked for before; one the guardian refused or withdrew is not made again.
  async requestWithin(
    m: EntityManager,
    event: CommunityEvent,
    registrationId: string,
    participantId: string,
  ): Promise<void> {
    const earlier = await m.getRepository(GuardianConsent).findOneBy({
      subjectKind: ConsentSubjectKind.EVENT_REGISTRATION,
      subjectId: registrationId,
    });
    if (earlier) {
      if (
        earlier.status === GuardianConsentStatus.REFUSED ||
        earlier.status === GuardianConsentStatus.WITHDRAWN
      ) {
        throw AppError.conflict(
          ConflictReason.GUARDIAN_CONSENT_REQUIRED,
          'Your guardian did not consent to this event',
        );
      }
      return;
    }
    const organizer = await m
      .getRepository(Organization)
      .findOneBy({ id: event.organizerOrganizationId });
    await this.consents.requestWithin(m, {
      participantId,
      subjectKind: ConsentSubjectKind.EVENT_REGISTRATION,
      subjectId: registrationId,
      // The age that counts is the age on the event's day, in its own time zone.
      startsOn: dayIn(event.startsAt, event.timeZone),
      facts: {
        title: event.titleJa,
        regionName: null,
        startsOn: event.startsAt.toISOString(),
        endsOn: event.endsAt.toISOString(),
        supervisorNames: [],
        contactName: organizer?.name ?? null,
      },
    });
  }

  // Before marking someone as having attended.
  assertConsentedWithin(m: EntityManager, registrationId: string): Promise<void> {
    return this.consents.assertConsentedWithin(
      m,
      ConsentSubjectKind.EVENT_REGISTRATION,
      registrationId,
    );
  }

  // Batch: the consents of many registrations, one query.
  forRegistrations(registrationIds: readonly string[]): Promise<GuardianConsent[]> {
    return this.consents.forSubjects(ConsentSubjectKind.EVENT_REGISTRATION, registrationIds);
  }

  @OnEvent(GUARDIAN_CONSENT_ENDED)
  async stop(m: EntityManager, event: EventOf<typeof GUARDIAN_CONSENT_ENDED>): Promise<void> {
    const { subjectKind, subjectId } = event.payload;
    if (subjectKind !== ConsentSubjectKind.EVENT_REGISTRATION) return;
    const registration = await m.getRepository(EventRegistration).findOneBy({ id: subjectId });
    if (!registration || registration.status === RegistrationStatus.CANCELLED) return;
    const locked = await this.rules.lockEvent(m, registration.eventId);
    // After the start the registration is history: attendance, not a place, is what changes.
    if (!locked || locked.startsAt.getTime() <= Date.now()) return;
    const current = await m.getRepository(EventRegistration).findOneByOrFail({ id: subjectId });
    if (current.status !== RegistrationStatus.CANCELLED) await this.rules.cancelIn(m, current);
  }
}
