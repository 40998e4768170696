import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ProjectsModule } from '@tsunagu/projects';
import { Application } from './application.entity';
import { ApplicationService } from './application.service';

// From an application to a lasting relationship (applications for now).
@Module({
  imports: [TypeOrmModule.forFeature([Application]), IdentityModule, ProjectsModule],
  providers: [ApplicationService],
  exports: [ApplicationService],
})
export class EngagementsModule {}
