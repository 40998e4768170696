import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { ParticipantAccountData } from './participant-account-data';
import { ParticipantProfile } from './participant-profile.entity';
import { ParticipantProfileService } from './participant-profile.service';
import { ParticipantSkill } from './participant-skill.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([ParticipantProfile, ParticipantSkill]),
    IdentityModule,
    TaxonomyModule,
  ],
  providers: [ParticipantProfileService, ParticipantAccountData],
  exports: [ParticipantProfileService],
})
export class ParticipantsModule {}
