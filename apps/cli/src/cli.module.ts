import { Module } from '@nestjs/common';
import { CoreModule } from '@tsunagu/core';
import { IdentityModule } from '@tsunagu/identity';
import { NotificationsModule } from '@tsunagu/notifications';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { DemoSeeder } from './demo/demo-seeder';

// Every context, without HTTP or workers: for migrations, seeding and admin tasks.
@Module({
  imports: [CoreModule, IdentityModule, ProjectsModule, ParticipantsModule, NotificationsModule],
  providers: [DemoSeeder],
})
export class CliModule {}
