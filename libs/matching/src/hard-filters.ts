import { distanceKm } from './geo-distance';
import type { DatePeriod, ParticipantFacts, ProjectFacts } from './match-facts';

export type FilterOutcome = { pass: true } | { pass: false; reason: HardFilterReason };

export type HardFilterReason =
  'KIND_NOT_ELIGIBLE' | 'REMOTE_ONLY' | 'TOO_FAR' | 'NO_PERIOD_OVERLAP' | 'MUST_HAVE_SKILL_MISSING';

function overlaps(a: DatePeriod, b: DatePeriod): boolean {
  const aEndsBeforeB = a.to !== null && a.to < b.from;
  const bEndsBeforeA = b.to !== null && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}

// Whether the pair is possible at all. Cheap checks first: this runs for every candidate pair.
// `km` (home to project) may be passed in by a caller that already has it, as scorePair does.
export function passesHardFilters(
  participant: ParticipantFacts,
  project: ProjectFacts,
  km: number | null = participant.home ? distanceKm(participant.home, project.location) : null,
): FilterOutcome {
  if (project.eligibleKinds.length > 0 && !project.eligibleKinds.includes(participant.kind)) {
    return { pass: false, reason: 'KIND_NOT_ELIGIBLE' };
  }
  if (project.mode === 'ONSITE') {
    if (participant.remoteOnly) return { pass: false, reason: 'REMOTE_ONLY' };
    if (km !== null && km > participant.travelRangeKm) {
      return { pass: false, reason: 'TOO_FAR' };
    }
  }
  if (
    participant.availability.length > 0 &&
    !participant.availability.some((p) => overlaps(p, project.period))
  ) {
    return { pass: false, reason: 'NO_PERIOD_OVERLAP' };
  }
  for (const skill of project.skills) {
    if (skill.must && (participant.skills.get(skill.skillId) ?? 0) < skill.minLevel) {
      return { pass: false, reason: 'MUST_HAVE_SKILL_MISSING' };
    }
  }
  return { pass: true };
}
