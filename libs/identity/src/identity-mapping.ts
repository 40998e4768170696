import { JapanGeography } from '@tsunagu/core';
import type { MunicipalityType, OrganizationType, PrefectureType } from './identity.types';
import type { Organization } from './organization.entity';

export function toMunicipalityType(code: string | null): MunicipalityType | null {
  if (!code) return null;
  const m = JapanGeography.get().municipality(code);
  return m
    ? { code: m.code, name: m.nameJa, nameEn: m.nameEn, prefectureCode: m.prefectureCode }
    : null;
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
