import { InterestPersonalData } from './interests/interest-personal-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ParticipantsModule } from '@tsunagu/participants';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { InterestAudiences } from './interests/interest-audiences';
import { ProjectInterest } from './interests/project-interest.entity';
import { ProjectInterestService } from './interests/project-interest.service';
import { Program } from './program.entity';
import { ProgramKpiTarget, ProgramReview } from './program-plan/program-plan.entity';
import { ProgramPlanService } from './program-plan/program-plan.service';
import { ProgramService } from './program.service';
import { ProjectAuditEntry } from './project-audit-entry.entity';
import { ProjectAuditService } from './project-audit.service';
import { ProjectAudiences } from './project-audiences';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { ProjectReaders } from './project-readers';
import { ProjectReviewService } from './project-review.service';
import { ProjectSearchService } from './project-search.service';
import { ProjectSharingService } from './project-sharing.service';
import { ProjectSkill } from './project-skill.entity';
import { Project } from './project.entity';
import { ProjectService } from './project.service';

const SERVICES = [
  ProgramPlanService,
  ProgramService,
  ProjectAuditService,
  ProjectInterestService,
  ProjectLifecycleService,
  ProjectReaders,
  ProjectReviewService,
  ProjectSearchService,
  ProjectService,
  ProjectSharingService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Project,
      ProjectSkill,
      Program,
      ProgramKpiTarget,
      ProgramReview,
      ProjectAuditEntry,
      ProjectInterest,
    ]),
    IdentityModule,
    ParticipantsModule,
    TaxonomyModule,
  ],
  providers: [...SERVICES, ProjectAudiences, InterestAudiences, InterestPersonalData],
  exports: SERVICES,
})
export class ProjectsModule {}
