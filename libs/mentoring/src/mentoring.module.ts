import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilModule } from '@tsunagu/council';
import { IdentityModule } from '@tsunagu/identity';
import { BookingService } from './booking.service';
import { MentorService } from './mentor.service';
import { MentoringAccess } from './mentoring-access';
import { MentoringAudiences } from './mentoring-audiences';
import { MENTORING_ENTITIES } from './mentoring.entities';

// The council's 1-on-1 mentoring: mentors appointed by admins publish slots; member
// organisations book sessions about an initiative; the mentor keeps notes and follow-ups.
@Module({
  imports: [TypeOrmModule.forFeature(MENTORING_ENTITIES), IdentityModule, CouncilModule],
  providers: [MentorService, BookingService, MentoringAccess, MentoringAudiences],
  exports: [MentorService, BookingService],
})
export class MentoringModule {}
