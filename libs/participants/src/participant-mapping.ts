import { toMunicipalityType } from '@tsunagu/identity';
import { toProjectType } from '@tsunagu/projects';
import type { Application } from './application.entity';
import type { ParticipantProfile } from './participant-profile.entity';
import type { ApplicationType, ParticipantProfileType } from './participant.types';

export function toParticipantProfileType(profile: ParticipantProfile): ParticipantProfileType {
  return {
    kind: profile.kind,
    homeMunicipality: toMunicipalityType(profile.homeMunicipalityCode),
    bio: profile.bio,
  };
}

// Expects project (with theme and region) and participant (with user) loaded.
export function toApplicationType(application: Application): ApplicationType {
  const profile = application.participant!;
  return {
    id: application.id,
    project: toProjectType(application.project!),
    applicant: {
      userId: profile.userId,
      displayName: profile.user!.displayName,
      kind: profile.kind,
    },
    motivation: application.motivation,
    status: application.status,
    createdAt: application.createdAt,
  };
}
