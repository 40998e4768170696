import { toMunicipalityType, toOrganizationType } from '@tsunagu/identity';
import type { Project } from './project.entity';
import type { ProjectType } from './project.types';
import { toThemeType } from '@tsunagu/taxonomy';

// Expects theme and regionOrganization to be loaded with the project (one query per page).
export function toProjectType(project: Project): ProjectType {
  return {
    id: project.id,
    title: project.title,
    description: project.description,
    theme: toThemeType(project.theme!),
    municipality: toMunicipalityType(project.municipalityCode)!,
    region: toOrganizationType(project.regionOrganization!),
    mode: project.mode,
    startDate: project.startDate,
    endDate: project.endDate,
    capacity: project.capacity,
    status: project.status,
    publishedAt: project.publishedAt,
    createdAt: project.createdAt,
  };
}
