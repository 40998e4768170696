import { JapanGeography } from '@tsunagu/core';
import type { RemitArea } from './remit-area.entity';

export interface RemitCodes {
  prefectureCodes: readonly string[];
  municipalityCodes: readonly string[];
}

// The code lists of stored remit areas, each of which names a prefecture or a municipality.
export function remitCodesOf(
  areas: readonly Pick<RemitArea, 'prefectureCode' | 'municipalityCode'>[],
): { prefectureCodes: string[]; municipalityCodes: string[] } {
  return {
    prefectureCodes: areas.flatMap((a) => a.prefectureCode ?? []),
    municipalityCodes: areas.flatMap((a) => a.municipalityCode ?? []),
  };
}

// Whether a remit covers a municipality: named itself, or its whole prefecture is.
export function remitCovers(remit: RemitCodes, municipalityCode: string): boolean {
  const prefectureCode = JapanGeography.get().municipality(municipalityCode)?.prefectureCode;
  return (
    remit.municipalityCodes.includes(municipalityCode) ||
    (prefectureCode !== undefined && remit.prefectureCodes.includes(prefectureCode))
  );
}

// SQL expressions for a place (e.g. `p.prefecture_code`, or a query builder's `p.prefectureCode`).
export interface PlaceSql {
  prefectureCode: string;
  municipalityCode: string;
}

// SQL expressions for a remit's two code lists, each a text array (a parameter or an ARRAY[…]).
export interface RemitCodesSql {
  prefectureCodes: string;
  municipalityCodes: string;
}

// `remitCovers` as an SQL condition, for lists and joins that must not load rows to filter them.
// The place's prefecture code must be its municipality's own, as projects store it.
export function remitCoversSql(remit: RemitCodesSql, place: PlaceSql): string {
  return `(${place.prefectureCode} = ANY(${remit.prefectureCodes}) OR ${place.municipalityCode} = ANY(${remit.municipalityCodes}))`;
}

// The condition for one `remit_area` row (aliased `area`): it names either a prefecture or a
// municipality, the other column being NULL, which never matches.
export function remitAreaCoversSql(area: string, place: PlaceSql): string {
  return remitCoversSql(
    {
      prefectureCodes: `ARRAY[${area}.prefecture_code]`,
      municipalityCodes: `ARRAY[${area}.municipality_code]`,
    },
    place,
  );
}
