import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementsModule } from '@tsunagu/engagements';
import { IdentityModule } from '@tsunagu/identity';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { ScoringModule } from '@tsunagu/scoring';
import { AllocationAssignment } from './allocation-assignment.entity';
import { AllocationRunner } from './allocation-runner';
import { Allocation } from './allocation.entity';
import { AllocationService } from './allocation.service';
import { CohortMember } from './cohort-member.entity';
import { CohortProject } from './cohort-project.entity';
import { CohortRanking } from './cohort-ranking.entity';
import { Cohort } from './cohort.entity';
import { CohortService } from './cohort.service';
import { CohortAudiences } from './cohort-audiences';
import { CohortProjectReaders } from './cohort-project-readers';

// Cohorts after a matching seminar: rankings, allocations computed in the worker, teams, and
// confirmation into applications.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Cohort,
      CohortProject,
      CohortMember,
      CohortRanking,
      Allocation,
      AllocationAssignment,
    ]),
    IdentityModule,
    ParticipantsModule,
    ProjectsModule,
    EngagementsModule,
    ScoringModule,
  ],
  providers: [
    CohortService,
    AllocationService,
    AllocationRunner,
    CohortAudiences,
    CohortProjectReaders,
  ],
  exports: [CohortService, AllocationService, AllocationRunner],
})
export class CohortsModule {}
