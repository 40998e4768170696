import { toMunicipalityType, toOrganizationType } from '@tsunagu/identity';
import { toThemeType } from '@tsunagu/taxonomy';
import type { ParticipantProfile } from './participant-profile.entity';
import type { ParticipantProfileView } from './participant-profile.service';
import type { ParticipantSkill } from './participant-skill.entity';
import type {
  AvailabilityType,
  ParticipantCardType,
  ParticipantProfileType,
  ParticipantSkillType,
} from './participant.types';

// Expects each skill's `skill` loaded.
export function toParticipantSkillType(skill: ParticipantSkill): ParticipantSkillType {
  return {
    skillId: skill.skillId,
    code: skill.skill!.code,
    name: skill.skill!.nameJa,
    nameEn: skill.skill!.nameEn,
    level: skill.level,
  };
}

function toAvailabilityType(profile: ParticipantProfile): AvailabilityType {
  return {
    weeklyHours: profile.weeklyHours,
    days: profile.availableDays,
    periods: profile.availablePeriods.map((p) => ({ from: p.from, to: p.to })),
  };
}

// The owner's view of their own profile.
export function toParticipantProfileType({
  profile,
  themes,
}: ParticipantProfileView): ParticipantProfileType {
  return {
    userId: profile.userId,
    kind: profile.kind,
    company: profile.companyOrganization ? toOrganizationType(profile.companyOrganization) : null,
    dateOfBirth: profile.dateOfBirth,
    guardianName: profile.guardianName,
    guardianEmail: profile.guardianEmail,
    guardianConsentAt: profile.guardianConsentAt,
    skills: (profile.skills ?? []).map(toParticipantSkillType),
    themes: themes.map(toThemeType),
    goals: profile.goals,
    availability: toAvailabilityType(profile),
    homeMunicipality: toMunicipalityType(profile.homeMunicipalityCode),
    travelRangeKm: profile.travelRangeKm,
    remoteOnly: profile.remoteOnly,
    languages: profile.languages,
    bio: profile.bio,
    visibility: profile.visibility,
    phone: profile.phone,
    updatedAt: profile.updatedAt,
  };
}

// What others see. Built field by field from an allow-list, so a column added to the profile
// (a phone, a guardian) never reaches regions by accident.
export function toParticipantCard({
  profile,
  themes,
}: ParticipantProfileView): ParticipantCardType {
  return {
    userId: profile.userId,
    displayName: profile.user!.displayName,
    kind: profile.kind,
    skills: (profile.skills ?? []).map(toParticipantSkillType),
    themes: themes.map(toThemeType),
    goals: profile.goals,
    availability: toAvailabilityType(profile),
    homeMunicipality: toMunicipalityType(profile.homeMunicipalityCode),
    travelRangeKm: profile.travelRangeKm,
    remoteOnly: profile.remoteOnly,
    languages: profile.languages,
    bio: profile.bio,
    updatedAt: profile.updatedAt,
  };
}
