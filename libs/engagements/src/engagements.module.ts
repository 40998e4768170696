import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { Application } from './application.entity';
import { ApplicationService } from './application.service';
import { ScoutOffer } from './scout-offer.entity';
import { ScoutOfferService } from './scout-offer.service';

// From an application or a scout offer to a lasting relationship.
@Module({
  imports: [TypeOrmModule.forFeature([Application, ScoutOffer]), IdentityModule, ProjectsModule],
  providers: [ApplicationService, ScoutOfferService],
  exports: [ApplicationService, ScoutOfferService],
})
export class EngagementsModule {}
