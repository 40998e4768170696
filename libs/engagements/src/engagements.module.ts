import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { Application } from './application.entity';
import { ApplicationService } from './application.service';
import { EngagementEvent } from './engagement-event.entity';
import { EngagementService } from './engagement.service';
import { ACCOMPANIMENT_ENTITIES, ACCOMPANIMENT_PROVIDERS } from './engagement-accompaniment';
import { RELATIONSHIP_ENTITIES } from './engagement-relationship.entities';
import { EngagementRelationshipService } from './engagement-relationship.service';
import { KpiReportService } from './kpi-report.service';
import { ScoutOffer } from './scout-offer.entity';
import { ScoutOfferService } from './scout-offer.service';

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
    ...ACCOMPANIMENT_PROVIDERS,
    EngagementRelationshipService,
    KpiReportService,
  ],
  exports: [
    ApplicationService,
    EngagementService,
    ScoutOfferService,
    ...ACCOMPANIMENT_PROVIDERS,
    EngagementRelationshipService,
    KpiReportService,
  ],
})
export class EngagementsModule {}
