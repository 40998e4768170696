import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { Project } from './project.entity';
import { ProjectService } from './project.service';
import { Theme } from './theme.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Theme, Project]), IdentityModule],
  providers: [ProjectService],
  exports: [ProjectService],
})
export class ProjectsModule {}
