import { AppError, JapanGeography, type Municipality } from '@tsunagu/core';
import type { MunicipalityType, OrganizationType, PrefectureType } from './identity.types';
import type { Organization } from './organization.entity';

export function toMunicipalityType(code: string | null): MunicipalityType | null {
  if (!code) return null;
  const m = JapanGeography.get().municipality(code);
  return m ? municipalityType(m) : null;
}

function municipalityType(m: Municipality): MunicipalityType {
  return { code: m.code, name: m.nameJa, nameEn: m.nameEn, prefectureCode: m.prefectureCode };
}

// Every municipality of a prefecture, for pickers; an unknown prefecture is the caller's error.
export function municipalitiesOfPrefecture(prefectureCode: string): MunicipalityType[] {
  const geography = JapanGeography.get();
  if (!geography.prefecture(prefectureCode)) {
    throw AppError.invalidField(['prefectureCode'], `unknown prefecture code ${prefectureCode}`);
  }
  return geography.municipalitiesOf(prefectureCode).map(municipalityType);
}

export function toPrefectureType(code: string): PrefectureType | null {
  const p = JapanGeography.get().prefecture(code);
  return p ? { code: p.code, name: p.nameJa, nameEn: p.nameEn } : null;
}

export function toOrganizationType(org: Organization): OrganizationType {
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    municipality: toMunicipalityType(org.municipalityCode),
  };
}
