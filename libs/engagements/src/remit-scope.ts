import { AppError } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';

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
    condition:
      '(p.prefectureCode = ANY(:prefectureCodes) OR p.municipalityCode = ANY(:municipalityCodes))',
    parameters: remit,
  };
}
