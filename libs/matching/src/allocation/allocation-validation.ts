import type { AllocationInstance } from './allocation-types';

export type AllocationProblemCode =
  | 'EMPTY_COHORT'
  | 'INVALID_CAPACITY'
  | 'DUPLICATE_PARTICIPANT'
  | 'DUPLICATE_PROJECT'
  | 'DUPLICATE_CHOICE'
  | 'UNKNOWN_PROJECT'
  | 'CLOSED_PROJECT'
  | 'SCORE_OUT_OF_RANGE';

export interface AllocationProblem {
  code: AllocationProblemCode;
  message: string;
  // Where the problem is, e.g. `participants[3].choices[1]`, so a form can point at the field.
  path: string;
}

// Seats per project at most: the allocators keep capacities in Int32Arrays. (Larger than the
// cohort is fine, and what "no limit" amounts to.)
const MAX_CAPACITY = 2 ** 31 - 1;

// Thrown by the allocators; still a RangeError, with the problems kept for an error mapper.
export class InvalidAllocationInstanceError extends RangeError {
  constructor(readonly problems: readonly AllocationProblem[]) {
    super(
      `Invalid allocation instance: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
    this.name = 'InvalidAllocationInstanceError';
  }
}

// Every problem in the instance ([] when valid), in input order, so all can be fixed in one pass.
export function validateAllocationInstance(instance: AllocationInstance): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  const { participants, projects } = instance;
  if (participants.length === 0) {
    problems.push({ code: 'EMPTY_COHORT', message: 'no participants', path: 'participants' });
  }
  if (projects.length === 0) {
    problems.push({ code: 'EMPTY_COHORT', message: 'no projects', path: 'projects' });
  }

  // The first project with an id wins; later ones are reported, not used.
  const projectById = new Map<string, { open: boolean }>();
  projects.forEach((project, i) => {
    if (projectById.has(project.id)) {
      problems.push({
        code: 'DUPLICATE_PROJECT',
        message: `project id "${project.id}" appears more than once`,
        path: `projects[${i}].id`,
      });
    } else {
      projectById.set(project.id, { open: project.open !== false });
    }
    if (
      !Number.isSafeInteger(project.capacity) ||
      project.capacity < 1 ||
      project.capacity > MAX_CAPACITY
    ) {
      problems.push({
        code: 'INVALID_CAPACITY',
        message: `capacity must be an integer from 1 to ${MAX_CAPACITY}, got ${project.capacity}`,
        path: `projects[${i}].capacity`,
      });
    }
  });

  const participantIds = new Set<string>();
  participants.forEach((participant, i) => {
    if (participantIds.has(participant.id)) {
      problems.push({
        code: 'DUPLICATE_PARTICIPANT',
        message: `participant id "${participant.id}" appears more than once`,
        path: `participants[${i}].id`,
      });
    }
    participantIds.add(participant.id);

    const ranked = new Set<string>();
    participant.choices.forEach((choice, j) => {
      const path = `participants[${i}].choices[${j}]`;
      // A second mention would be a tie with itself: preferences must be a strict order.
      if (ranked.has(choice.projectId)) {
        problems.push({
          code: 'DUPLICATE_CHOICE',
          message: `project "${choice.projectId}" is ranked more than once`,
          path,
        });
      }
      ranked.add(choice.projectId);
      const project = projectById.get(choice.projectId);
      if (!project) {
        problems.push({
          code: 'UNKNOWN_PROJECT',
          message: `project "${choice.projectId}" is not in the cohort`,
          path,
        });
      } else if (!project.open) {
        problems.push({
          code: 'CLOSED_PROJECT',
          message: `project "${choice.projectId}" is closed`,
          path,
        });
      }
      // Written so that NaN fails too.
      if (!(choice.score >= 0 && choice.score <= 1)) {
        problems.push({
          code: 'SCORE_OUT_OF_RANGE',
          message: `score must be in [0, 1], got ${choice.score}`,
          path: `${path}.score`,
        });
      }
    });
  });
  return problems;
}
