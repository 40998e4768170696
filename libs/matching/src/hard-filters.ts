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

// One predicate per filter, shared by passesHardFilters (which names the first failing one) and
// pairFactorValues in match-score.ts (which only needs yes or no, cheapest checks first).

export function kindEligible(participant: ParticipantFacts, project: ProjectFacts): boolean {
  return project.eligibleKinds.length === 0 || project.eligibleKinds.includes(participant.kind);
}

export function modeAllowed(participant: ParticipantFacts, project: ProjectFacts): boolean {
  return project.mode !== 'ONSITE' || !participant.remoteOnly;
}

// Only on-site projects have to be within travel range; without a home nothing is too far.
export function withinTravelRange(
  participant: ParticipantFacts,
  project: ProjectFacts,
  km: number | null,
): boolean {
  return project.mode !== 'ONSITE' || km === null || km <= participant.travelRangeKm;
}

export function periodsOverlap(participant: ParticipantFacts, project: ProjectFacts): boolean {
  if (participant.availability.length === 0) return true;
  for (const period of participant.availability) if (overlaps(period, project.period)) return true;
  return false;
}

export function mustHaveSkillsMet(participant: ParticipantFacts, project: ProjectFacts): boolean {
  for (const skill of project.skills) {
    if (skill.must && (participant.skills.get(skill.skillId) ?? 0) < skill.minLevel) return false;
  }
  return true;
}

// Whether the pair is possible at all, and if not the first reason why.
// `km` (home to project) may be passed in by a caller that already has it, as scorePair does.
export function passesHardFilters(
  participant: ParticipantFacts,
  project: ProjectFacts,
  km: number | null = participant.home ? distanceKm(participant.home, project.location) : null,
): FilterOutcome {
  if (!kindEligible(participant, project)) return { pass: false, reason: 'KIND_NOT_ELIGIBLE' };
  if (!modeAllowed(participant, project)) return { pass: false, reason: 'REMOTE_ONLY' };
  if (!withinTravelRange(participant, project, km)) return { pass: false, reason: 'TOO_FAR' };
  if (!periodsOverlap(participant, project)) return { pass: false, reason: 'NO_PERIOD_OVERLAP' };
  if (!mustHaveSkillsMet(participant, project)) {
    return { pass: false, reason: 'MUST_HAVE_SKILL_MISSING' };
  }
  return { pass: true };
}
