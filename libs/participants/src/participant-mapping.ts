import { toMunicipalityType } from '@tsunagu/identity';
import type { ParticipantProfile } from './participant-profile.entity';
import type { ParticipantProfileType } from './participant.types';

export function toParticipantProfileType(profile: ParticipantProfile): ParticipantProfileType {
  return {
    kind: profile.kind,
    homeMunicipality: toMunicipalityType(profile.homeMunicipalityCode),
    bio: profile.bio,
  };
}
