import { Module } from '@nestjs/common';
import { CohortsModule } from '@tsunagu/cohorts';
import { CoreModule } from '@tsunagu/core';
import { CompaniesModule } from '@tsunagu/companies';
import { EngagementsModule } from '@tsunagu/engagements';
import { IdentityModule } from '@tsunagu/identity';
import { NotificationsModule } from '@tsunagu/notifications';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { ScoringModule } from '@tsunagu/scoring';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { DemoSeeder } from './demo/demo-seeder';

// Every context, without HTTP or workers: for migrations, seeding and admin tasks.
@Module({
  imports: [
    CoreModule,
    IdentityModule,
    TaxonomyModule,
    ParticipantsModule,
    ProjectsModule,
    CompaniesModule,
    EngagementsModule,
    NotificationsModule,
    ScoringModule,
    CohortsModule,
  ],
  providers: [DemoSeeder],
})
export class CliModule {}
