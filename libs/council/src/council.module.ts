import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { CouncilAudiences } from './council-audiences';
import { CouncilContact } from './council-contact.entity';
import { CouncilDirectoryService } from './council-directory.service';
import { CouncilMembership } from './council-membership.entity';
import { CouncilMembershipService } from './council-membership.service';
import { CouncilPartnersService } from './council-partners.service';

// The council (かかわりラボ): membership applications decided by platform admins, and the
// members' directory with contact between members, and partner suggestions.
@Module({
  imports: [TypeOrmModule.forFeature([CouncilMembership, CouncilContact]), IdentityModule],
  providers: [
    CouncilMembershipService,
    CouncilDirectoryService,
    CouncilPartnersService,
    CouncilAudiences,
  ],
  exports: [CouncilMembershipService, CouncilDirectoryService, CouncilPartnersService],
})
export class CouncilModule {}
