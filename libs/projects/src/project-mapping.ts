import { toMunicipalityType, toPrefectureType } from '@tsunagu/identity';
import { JapanGeography } from '@tsunagu/core';
import type { ProjectAuditEntry } from './project-audit-entry.entity';
import type { ProjectSkill } from './project-skill.entity';
import type { Project } from './project.entity';
import type { Program } from './program.entity';
import type {
  PlaceType,
  ProgramType,
  ProjectAuditEntryType,
  ProjectType,
  RequiredSkillType,
} from './project.types';

export function toProjectType(project: Project): ProjectType {
  return {
    id: project.id,
    title: project.title,
    description: project.description,
    mode: project.mode,
    startDate: project.startDate,
    endDate: project.endDate,
    seasonMonths: project.seasonMonths,
    hoursPerWeek: project.hoursPerWeek,
    teamSize: project.teamSize,
    capacity: project.capacity,
    eligibleKinds: project.eligibleKinds,
    languages: project.languages,
    attachments: project.attachments,
    status: project.status,
    reviewComment: project.reviewComment,
    publishedAt: project.publishedAt,
    closedAt: project.closedAt,
    pausedAt: project.pausedAt,
    pauseReason: project.pauseReason,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    regionOrganizationId: project.regionOrganizationId,
    themeCode: project.themeCode,
    programId: project.programId,
    municipalityCode: project.municipalityCode,
  };
}

// From reference data in memory: no query.
export function toPlaceType(municipalityCode: string): PlaceType {
  const municipality = JapanGeography.get().municipality(municipalityCode)!;
  return {
    prefecture: toPrefectureType(municipality.prefectureCode)!,
    municipality: toMunicipalityType(municipality.code)!,
    lat: municipality.lat,
    lng: municipality.lng,
  };
}

export function toRequiredSkillType(row: ProjectSkill): RequiredSkillType {
  return {
    skillId: row.skillId,
    code: row.skill!.code,
    name: row.skill!.nameJa,
    nameEn: row.skill!.nameEn,
    requirement: row.requirement,
    minLevel: row.minLevel,
    weight: row.weight,
  };
}

export function toProgramType(program: Program): ProgramType {
  return {
    id: program.id,
    name: program.name,
    description: program.description,
    intermediaryOrganizationId: program.intermediaryOrganizationId,
    staleAfterDays: program.staleAfterDays,
  };
}

export function toProjectAuditEntryType(entry: ProjectAuditEntry): ProjectAuditEntryType {
  return {
    id: entry.id,
    action: entry.action,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    changedFields: Object.keys(entry.changes),
    comment: entry.comment,
    actorId: entry.actorId,
    actorName: entry.actor?.displayName ?? null,
    createdAt: entry.createdAt,
  };
}
