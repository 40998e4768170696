import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { GuardianConsent, GuardianConsentMail } from './guardians/guardian-consent.entity';
import { GuardianConsents } from './guardians/guardian-consents.service';
import { ParticipantAccountData } from './participant-account-data';
import { ParticipantProfile } from './participant-profile.entity';
import { ParticipantProfileService } from './participant-profile.service';
import { ParticipantSkill } from './participant-skill.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ParticipantProfile,
      ParticipantSkill,
      GuardianConsent,
      GuardianConsentMail,
    ]),
    IdentityModule,
    TaxonomyModule,
  ],
  providers: [ParticipantProfileService, ParticipantAccountData, GuardianConsents],
  exports: [ParticipantProfileService, GuardianConsents],
})
export class ParticipantsModule {}
