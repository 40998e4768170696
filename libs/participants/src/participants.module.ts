import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { Application } from './application.entity';
import { ApplicationService } from './application.service';
import { ParticipantProfile } from './participant-profile.entity';
import { ParticipantProfileService } from './participant-profile.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ParticipantProfile, Application]),
    IdentityModule,
    ProjectsModule,
  ],
  providers: [ApplicationService, ParticipantProfileService],
  exports: [ApplicationService, ParticipantProfileService],
})
export class ParticipantsModule {}
