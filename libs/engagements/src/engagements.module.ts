import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { Application } from './application.entity';
import { ApplicationService } from './application.service';
import { EngagementEvent } from './engagement-event.entity';
import { EngagementService } from './engagement.service';
import { ACCOMPANIMENT_ENTITIES } from './engagement-accompaniment.entities';
import { EngagementAccompanimentService } from './engagement-accompaniment.service';
import { EngagementHealthService } from './engagement-health.service';
import { EngagementResponseService } from './engagement-response.service';
import { RELATIONSHIP_ENTITIES } from './engagement-relationship.entities';
import { EngagementRelationshipService } from './engagement-relationship.service';
import { KpiReportService } from './kpi-report.service';
import { ScoutOffer } from './scout-offer.entity';
import { ScoutOfferService } from './scout-offer.service';
import { EngagementAudiences } from './engagement-audiences';
import { ScoutOfferAudiences } from './scout-offer-audiences';

// From an application or a scout offer to a lasting relationship.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Application,
      EngagementEvent,
      ScoutOffer,
      ...ACCOMPANIMENT_ENTITIES,
      ...RELATIONSHIP_ENTITIES,
    ]),
    IdentityModule,
    ProjectsModule,
  ],
  providers: [
    ApplicationService,
    EngagementService,
    ScoutOfferService,
    EngagementAccompanimentService,
    EngagementHealthService,
    EngagementResponseService,
    EngagementRelationshipService,
    KpiReportService,
    EngagementAudiences,
    ScoutOfferAudiences,
  ],
  exports: [
    ApplicationService,
    EngagementService,
    ScoutOfferService,
    EngagementAccompanimentService,
    EngagementHealthService,
    EngagementResponseService,
    EngagementRelationshipService,
    KpiReportService,
  ],
})
export class EngagementsModule {}
