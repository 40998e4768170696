import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { CompanyInvitation } from './company-invitation.entity';
import { CompanyProgramProject } from './company-program-project.entity';
import { CompanyProgram } from './company-program.entity';
import { CompanyTeamMember } from './company-team-member.entity';
import { CompanyTeam } from './company-team.entity';
import { CompanyEmployeeService } from './company-employees.service';
import { CompanyService } from './company.service';
import { CompanyProjectReaders } from './company-project-readers';

// Companies that send employees: their programs, target projects and teams.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CompanyInvitation,
      CompanyProgram,
      CompanyProgramProject,
      CompanyTeam,
      CompanyTeamMember,
    ]),
    IdentityModule,
    ParticipantsModule,
    ProjectsModule,
  ],
  providers: [CompanyService, CompanyEmployeeService, CompanyProjectReaders],
  exports: [CompanyService, CompanyEmployeeService],
})
export class CompaniesModule {}
