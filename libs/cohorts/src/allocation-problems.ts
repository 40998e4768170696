import type {
  AllocationInstance,
  AllocationProblem,
  AllocationProblemCode,
} from '@tsunagu/matching';
import type { ExcludedPair } from './allocation-snapshot';
import { EXCLUSION_MESSAGES } from './cohort-scoring';

export type CohortProblemCode =
  AllocationProblemCode | 'PAIR_EXCLUDED' | 'COHORT_CONFIRMED' | 'INTERNAL_ERROR';

// A reason an allocation cannot run, in words an intermediary can act on, with the participant
// and project it is about when there is one.
export interface CohortProblem {
  code: CohortProblemCode;
  message: string;
  participantId: string | null;
  projectId: string | null;
}

export interface ProblemNames {
  participant(id: string): string;
  project(id: string): string;
}

const CHOICE_PATH = /^participants\[(\d+)\](?:\.choices\[(\d+)\])?/;
const PROJECT_PATH = /^projects\[(\d+)\]/;

// Turns the validator's problems (paths into the instance) into cohort terms.
export function describeInstanceProblems(
  instance: AllocationInstance,
  problems: readonly AllocationProblem[],
  names: ProblemNames,
): CohortProblem[] {
  return problems.map((problem) => {
    const choice = CHOICE_PATH.exec(problem.path);
    const participant = choice ? instance.participants[Number(choice[1])] : undefined;
    const projectId =
      choice?.[2] !== undefined
        ? (participant?.choices[Number(choice[2])]?.projectId ?? null)
        : (instance.projects[Number(PROJECT_PATH.exec(problem.path)?.[1] ?? NaN)]?.id ?? null);
    const who = participant ? names.participant(participant.id) : '';
    const what = projectId ? `"${names.project(projectId)}"` : '';
    return {
      code: problem.code,
      message: messageFor(problem, who, what),
      participantId: participant?.id ?? null,
      projectId,
    };
  });
}

function messageFor(problem: AllocationProblem, who: string, what: string): string {
  switch (problem.code) {
    case 'EMPTY_COHORT':
      return problem.path === 'participants'
        ? 'The cohort has no members: add participants before running an allocation'
        : 'The cohort has no projects: add projects before running an allocation';
    case 'INVALID_CAPACITY':
      return `${what} has an invalid capacity: it must be a whole number of seats, at least 1`;
    case 'DUPLICATE_CHOICE':
      return `${who} ranked ${what} more than once`;
    case 'UNKNOWN_PROJECT':
      return `${who} ranked ${what}, which is not in the cohort`;
    case 'CLOSED_PROJECT':
      return `${who} ranked ${what}, which is no longer published: remove it from their ranking or reopen it`;
    case 'SCORE_OUT_OF_RANGE':
    case 'DUPLICATE_PARTICIPANT':
    case 'DUPLICATE_PROJECT':
      return `${problem.path}: ${problem.message}`;
  }
}

export function describeExclusions(
  excluded: readonly ExcludedPair[],
  names: ProblemNames,
): CohortProblem[] {
  return excluded.map((pair) => ({
    code: 'PAIR_EXCLUDED',
    message:
      `${names.participant(pair.participantId)} can no longer join ` +
      `"${names.project(pair.projectId)}": ${EXCLUSION_MESSAGES[pair.reason]}`,
    participantId: pair.participantId,
    projectId: pair.projectId,
  }));
}

// One line for the allocation's `error`.
export function summarise(problems: readonly CohortProblem[]): string {
  return problems.map((p) => p.message).join('; ');
}
