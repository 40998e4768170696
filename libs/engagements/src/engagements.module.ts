import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { Application } from './application.entity';
import { ApplicationService } from './application.service';
import { EngagementEvent } from './engagement-event.entity';
import { EngagementService } from './engagement.service';
import { ScoutOffer } from './scout-offer.entity';
import { ScoutOfferService } from './scout-offer.service';

// From an application or a scout offer to a lasting relationship.
@Module({
  imports: [
    TypeOrmModule.forFeature([Application, EngagementEvent, ScoutOffer]),
    IdentityModule,
    ProjectsModule,
  ],
  providers: [ApplicationService, EngagementService, ScoutOfferService],
  exports: [ApplicationService, EngagementService, ScoutOfferService],
})
export class EngagementsModule {}
