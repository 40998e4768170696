import { Module } from '@nestjs/common';
import { ConversationsModule } from '@tsunagu/conversations';
import { IdentityModule } from '@tsunagu/identity';
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
  ],
  providers: [DataLoaders],
  exports: [DataLoaders],
})
export class LoadersModule {}
