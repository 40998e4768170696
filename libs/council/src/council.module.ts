import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { CouncilAudiences } from './council-audiences';
import { CouncilMembership } from './council-membership.entity';
import { CouncilMembershipService } from './council-membership.service';

// The council (かかわりラボ): membership applications decided by platform admins, and the
// members' profiles.
@Module({
  imports: [TypeOrmModule.forFeature([CouncilMembership]), IdentityModule],
  providers: [CouncilMembershipService, CouncilAudiences],
  exports: [CouncilMembershipService],
})
export class CouncilModule {}
