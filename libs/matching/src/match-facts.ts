// Plain data the engine scores: no entities, no I/O. Callers (workers, API, benchmarks) build
// these from the database or from generated data.

export type ParticipantKindCode =
  'PRO_BONO' | 'UNIVERSITY_STUDENT' | 'HIGH_SCHOOL_STUDENT' | 'COMPANY_EMPLOYEE';
export type GoalCode =
  'CAREER_BUILDING' | 'SKILL_INVENTORY' | 'SIDE_JOB_TRIAL' | 'LEARNING' | 'EXPLORING_A_MOVE';
export type ModeCode = 'REMOTE' | 'ONSITE' | 'HYBRID';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface DatePeriod {
  // ISO dates (YYYY-MM-DD); `to` null = open-ended.
  from: string;
  to: string | null;
}

export interface ParticipantFacts {
  id: string;
  kind: ParticipantKindCode;
  // Skill id → level 1–5.
  skills: ReadonlyMap<string, number>;
  themeCodes: readonly string[];
  goals: readonly GoalCode[];
  weeklyHours: number | null;
  // Empty: available any time.
  availability: readonly DatePeriod[];
  home: GeoPoint | null;
  travelRangeKm: number;
  remoteOnly: boolean;
  // Region organisations this person already has a tie with (past engagements, visits).
  regionTies: ReadonlySet<string>;
}

export interface RequiredSkillFacts {
  skillId: string;
  must: boolean;
  minLevel: number;
  // Importance 1–5.
  weight: number;
}

export interface ProjectFacts {
  id: string;
  regionOrganizationId: string;
  themeCode: string;
  mode: ModeCode;
  location: GeoPoint;
  period: DatePeriod;
  hoursPerWeek: number | null;
  // Empty: open to every kind.
  eligibleKinds: readonly ParticipantKindCode[];
  skills: readonly RequiredSkillFacts[];
  // How many candidates the project has so far (its applications), for the fairness boost.
  candidateCount: number;
}
