import { AppError } from '@tsunagu/core';
import { Actor, PolicyService, remitCoversSql } from '@tsunagu/identity';

// The condition (over a project aliased `p`) and parameters that keep an intermediary's lists to
// the projects its remit covers; FORBIDDEN for anyone on no intermediary's staff.
export function supervisedProjects(
  policy: PolicyService,
  actor: Actor,
  refusal: string,
): { condition: string; parameters: { prefectureCodes: string[]; municipalityCodes: string[] } } {
  const remit = policy.remitOf(actor);
  if (!remit) throw AppError.forbidden(refusal);
  return {
    condition: remitCoversSql(
      { prefectureCodes: ':prefectureCodes', municipalityCodes: ':municipalityCodes' },
      { prefectureCode: 'p.prefectureCode', municipalityCode: 'p.municipalityCode' },
    ),
    parameters: remit,
  };
}
