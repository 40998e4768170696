import {
  Organization,
  toMunicipalityType,
  toOrganizationType,
  toPrefectureType,
} from '@tsunagu/identity';
import type { CouncilMembership } from './council-membership.entity';
import type { CouncilMemberType, CouncilProfileFields } from './council-profile.types';
import type { CouncilTag } from './council-tags';

type WithOrganization = CouncilMembership & { organization: Organization };

export function toProfileFields(row: CouncilMembership): CouncilProfileFields {
  return {
    prefecture: row.prefectureCode ? toPrefectureType(row.prefectureCode) : null,
    municipality: toMunicipalityType(row.municipalityCode),
    themeCodes: row.themeCodes,
    introductionJa: row.introductionJa,
    introductionEn: row.introductionEn,
    offerTags: row.offerTags as CouncilTag[],
    offerText: row.offerText,
    seekTags: row.seekTags as CouncilTag[],
    seekText: row.seekText,
    website: row.website,
  };
}

export function toMemberType(row: WithOrganization): CouncilMemberType {
  return {
    ...toProfileFields(row),
    organization: toOrganizationType(row.organization),
    memberSince: row.decidedAt ?? row.appliedAt,
  };
}
