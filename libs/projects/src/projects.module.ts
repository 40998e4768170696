import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { Project } from './project.entity';
import { ProjectService } from './project.service';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { Program } from './program.entity';
import { ProjectAuditEntry } from './project-audit-entry.entity';
import { ProjectSkill } from './project-skill.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Project, ProjectSkill, Program, ProjectAuditEntry]),
    IdentityModule,
    TaxonomyModule,
  ],
  providers: [ProjectService],
  exports: [ProjectService],
})
export class ProjectsModule {}
