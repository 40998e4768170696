import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '@tsunagu/cohorts';
import { IdentityModule } from '@tsunagu/identity';
import { EventAudiences } from './event-audiences';
import { EVENT_ENTITIES } from './event.entities';
import { EventService } from './event.service';
import { RegistrationRules } from './registration-rules';
import { RegistrationService } from './registration.service';

// Events organised by intermediaries and regions: registration, the waiting list, reminders,
// attendance and calendar files.
@Module({
  imports: [TypeOrmModule.forFeature(EVENT_ENTITIES), IdentityModule, CohortsModule],
  providers: [EventService, RegistrationService, RegistrationRules, EventAudiences],
  exports: [EventService, RegistrationService],
})
export class EventsModule {}
