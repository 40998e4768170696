import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '@tsunagu/cohorts';
import { CouncilModule } from '@tsunagu/council';
import { IdentityModule } from '@tsunagu/identity';
import { ParticipantsModule } from '@tsunagu/participants';
import { EventAudiences } from './event-audiences';
import { EventGuardianConsent } from './event-guardian-consent';
import { EVENT_ENTITIES } from './event.entities';
import { EventService } from './event.service';
import { RegistrationRules } from './registration-rules';
import { RegistrationService } from './registration.service';

// Events organised by intermediaries, regions and the council's secretariat: registration (member
// events for the council's members), the waiting list, reminders, attendance and calendar files.
@Module({
  imports: [
    TypeOrmModule.forFeature(EVENT_ENTITIES),
    IdentityModule,
    CohortsModule,
    CouncilModule,
    ParticipantsModule,
  ],
  providers: [
    EventService,
    RegistrationService,
    RegistrationRules,
    EventAudiences,
    EventGuardianConsent,
  ],
  exports: [EventService, RegistrationService],
})
export class EventsModule {}
