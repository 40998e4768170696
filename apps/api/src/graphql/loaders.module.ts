import { Module } from '@nestjs/common';
import { ConversationsModule } from '@tsunagu/conversations';
import { IdentityModule } from '@tsunagu/identity';
import { InsightsModule } from '@tsunagu/insights';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { DataLoaders } from './data-loaders';

@Module({
  imports: [
    IdentityModule,
    TaxonomyModule,
    ProjectsModule,
    ConversationsModule,
    ParticipantsModule,
    InsightsModule,
  ],
  providers: [DataLoaders],
  exports: [DataLoaders],
})
export class LoadersModule {}
