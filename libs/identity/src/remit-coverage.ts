import { JapanGeography } from '@tsunagu/core';

export interface RemitCodes {
  prefectureCodes: readonly string[];
  municipalityCodes: readonly string[];
}

// Whether a remit covers a municipality: named itself, or its whole prefecture is.
export function remitCovers(remit: RemitCodes, municipalityCode: string): boolean {
  const prefectureCode = JapanGeography.get().municipality(municipalityCode)?.prefectureCode;
  return (
    remit.municipalityCodes.includes(municipalityCode) ||
    (prefectureCode !== undefined && remit.prefectureCodes.includes(prefectureCode))
  );
}
