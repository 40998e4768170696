import type { GoalCode, ParticipantKindCode } from '@tsunagu/matching';
import { WeightedTable } from './prng';

// How synthetic participants and projects are distributed: shared by the database seed and the
// in-memory matching benchmark, so both model the same population.

export const KINDS = new WeightedTable<ParticipantKindCode>([
  ['PRO_BONO', 35],
  ['UNIVERSITY_STUDENT', 27],
  ['HIGH_SCHOOL_STUDENT', 10],
  ['COMPANY_EMPLOYEE', 28],
]);

export const GOALS_BY_KIND: Record<ParticipantKindCode, WeightedTable<GoalCode>> = {
  PRO_BONO: new WeightedTable<GoalCode>([
    ['SKILL_INVENTORY', 4],
    ['SIDE_JOB_TRIAL', 4],
    ['EXPLORING_A_MOVE', 3],
    ['CAREER_BUILDING', 2],
    ['LEARNING', 1],
  ]),
  UNIVERSITY_STUDENT: new WeightedTable<GoalCode>([
    ['LEARNING', 5],
    ['CAREER_BUILDING', 4],
    ['EXPLORING_A_MOVE', 1],
    ['SKILL_INVENTORY', 1],
  ]),
  HIGH_SCHOOL_STUDENT: new WeightedTable<GoalCode>([
    ['LEARNING', 6],
    ['CAREER_BUILDING', 2],
  ]),
  COMPANY_EMPLOYEE: new WeightedTable<GoalCode>([
    ['CAREER_BUILDING', 4],
    ['SKILL_INVENTORY', 3],
    ['SIDE_JOB_TRIAL', 3],
    ['EXPLORING_A_MOVE', 2],
    ['LEARNING', 1],
  ]),
};

export const LEVELS_BY_KIND: Record<ParticipantKindCode, WeightedTable<number>> = {
  PRO_BONO: levels([0.5, 1.5, 3.5, 3, 1.5]),
  UNIVERSITY_STUDENT: levels([3, 4, 2.5, 0.8, 0.2]),
  HIGH_SCHOOL_STUDENT: levels([5, 3, 1, 0.2, 0.05]),
  COMPANY_EMPLOYEE: levels([0.7, 2, 3.5, 2.5, 1]),
};

function levels(weights: number[]): WeightedTable<number> {
  return new WeightedTable(weights.map((w, i) => [i + 1, w] as const));
}

// Empty: every kind. Some projects are for students only, some for company programs.
export const ELIGIBILITY = new WeightedTable<ParticipantKindCode[]>([
  [[], 75],
  [['UNIVERSITY_STUDENT', 'HIGH_SCHOOL_STUDENT'], 7],
  [['UNIVERSITY_STUDENT'], 5],
  [['HIGH_SCHOOL_STUDENT'], 3],
  [['COMPANY_EMPLOYEE'], 6],
  [['PRO_BONO', 'COMPANY_EMPLOYEE'], 4],
]);

// prettier-ignore
export const HOURS = [2, 3, 4, 4, 5, 6, 8, 8, 10, 12, 16, 20, 30, 40];

// Skill categories (of the seeded taxonomy) that projects of a theme mostly ask for; categories
// missing from the database are ignored.
export const THEME_SKILL_CATEGORIES: Record<string, readonly string[]> = {
  agriculture: ['agriculture', 'food', 'marketing'],
  learning: ['education', 'translation', 'facilitation'],
  work: ['it', 'design', 'marketing', 'pr', 'management'],
  local: ['facilitation', 'tourism', 'welfare', 'building', 'pr'],
};
