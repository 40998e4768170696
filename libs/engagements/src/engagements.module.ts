import { EngagementAccountData } from './engagement-account-data';
import { EngagementProjectReaders } from './engagement-project-readers';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { EngagementGuardianConsent } from './guardians/engagement-guardian-consent';
import { Engagement } from './lifecycle/engagement.entity';
import { CompanyTeamApplicationService } from './applications/company-team-applications';
import { ApplyingService } from './applications/applying.service';
import { EngagementEvent } from './lifecycle/engagement-event.entity';
import { EngagementService } from './lifecycle/engagement.service';
import { ACCOMPANIMENT_ENTITIES } from './accompaniment/engagement-accompaniment.entities';
import { EngagementAccompanimentService } from './accompaniment/engagement-accompaniment.service';
import { EngagementHealthService } from './accompaniment/engagement-health.service';
import { EngagementResponseService } from './applications/engagement-response.service';
import { RELATIONSHIP_ENTITIES } from './relationships/engagement-relationship.entities';
import { EngagementRelationshipService } from './relationships/engagement-relationship.service';
import { ScoutOffer } from './scouting/scout-offer.entity';
import { ScoutOfferService } from './scouting/scout-offer.service';
import { EngagementAudiences } from './lifecycle/engagement-audiences';
import { ScoutOfferAudiences } from './scouting/scout-offer-audiences';
import { ACTIVITY_DAY_ENTITIES } from './activity-days/activity-day.entities';
import { ActivityDayService } from './activity-days/activity-day.service';
import { ActivityDayAudiences } from './activity-days/activity-day-audiences';

// From an application or a scout offer to a lasting relationship.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Engagement,
      EngagementEvent,
      ScoutOffer,
      ...ACCOMPANIMENT_ENTITIES,
      ...RELATIONSHIP_ENTITIES,
      ...ACTIVITY_DAY_ENTITIES,
    ]),
    IdentityModule,
    ParticipantsModule,
    ProjectsModule,
  ],
  providers: [
    EngagementAccountData,
    EngagementProjectReaders,
    EngagementGuardianConsent,
    ApplyingService,
    CompanyTeamApplicationService,
    EngagementService,
    ScoutOfferService,
    EngagementAccompanimentService,
    EngagementHealthService,
    EngagementResponseService,
    EngagementRelationshipService,
    EngagementAudiences,
    ScoutOfferAudiences,
    ActivityDayService,
    ActivityDayAudiences,
  ],
  exports: [
    ActivityDayService,
    ApplyingService,
    CompanyTeamApplicationService,
    EngagementService,
    ScoutOfferService,
    EngagementAccompanimentService,
    EngagementHealthService,
    EngagementResponseService,
    EngagementRelationshipService,
  ],
})
export class EngagementsModule {}
