import {
  type HardFilterReason,
  type MatchingWeights,
  pairScore,
  type ParticipantFacts,
  passesHardFilters,
  type ProjectFacts,
} from '@tsunagu/matching';

// In a cohort the project's must-have skills are the team's to cover (the allocation reports
// the gap per project), not each member's: a designer and a farmer may join together a project
// that needs both. So the engine scores cohort pairs with must-haves counted like weighted
// nice-to-haves (same credit formula) and every other hard filter kept as it is.
export function withTeamSkills(project: ProjectFacts): ProjectFacts {
  return { ...project, skills: project.skills.map((s) => ({ ...s, must: false })) };
}

// The pair's score for a cohort, or null when a hard filter still excludes it.
export function cohortPairScore(
  participant: ParticipantFacts,
  project: ProjectFacts,
  weights: MatchingWeights,
): number | null {
  return pairScore(participant, withTeamSkills(project), weights);
}

// Why a cohort pair is impossible, or null when it is possible.
export function cohortExclusion(
  participant: ParticipantFacts,
  project: ProjectFacts,
): HardFilterReason | null {
  const outcome = passesHardFilters(participant, withTeamSkills(project));
  return outcome.pass ? null : outcome.reason;
}

// Neutral wording: shown to the participant when ranking and to the intermediary when a run fails.
export const EXCLUSION_MESSAGES: Record<HardFilterReason, string> = {
  KIND_NOT_ELIGIBLE: 'the project is not open to this kind of participant',
  REMOTE_ONLY: 'the project is on-site and the profile says remote only',
  TOO_FAR: 'the project is beyond the travel range in the profile',
  NO_PERIOD_OVERLAP: "the project's period does not overlap the availability in the profile",
  MUST_HAVE_SKILL_MISSING: 'a must-have skill is missing',
};
