import { toMunicipalityType, toOrganizationType } from '@tsunagu/identity';
import type { Project } from '@tsunagu/projects';
import type { CompanyProgramView, CompanyTeamView } from './company.service';
import type { CompanyProgramType, CompanyTeamType, ProgramProjectType } from './company.types';

export function toProgramProjectType(project: Project): ProgramProjectType {
  return {
    id: project.id,
    title: project.title,
    status: project.status,
    municipality: toMunicipalityType(project.municipalityCode),
    eligibleKinds: project.eligibleKinds,
  };
}

export function toCompanyProgramType({
  program,
  projects,
}: CompanyProgramView): CompanyProgramType {
  return {
    id: program.id,
    company: toOrganizationType(program.companyOrganization!),
    name: program.name,
    description: program.description,
    startDate: program.startDate,
    endDate: program.endDate,
    projects: projects.map(toProgramProjectType),
    createdAt: program.createdAt,
  };
}

// Members by display name only: no contact details for teammates or the company.
export function toCompanyTeamType({ team, program }: CompanyTeamView): CompanyTeamType {
  return {
    id: team.id,
    company: toOrganizationType(team.companyOrganization!),
    program: program && toCompanyProgramType(program),
    name: team.name,
    members: (team.members ?? []).map((m) => ({
      userId: m.userId,
      displayName: m.user!.displayName,
    })),
    createdAt: team.createdAt,
  };
}
