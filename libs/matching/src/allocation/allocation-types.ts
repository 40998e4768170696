// A cohort after a matching seminar: who ranked which projects, and how many seats each project has.

export interface AllocationChoice {
  projectId: string;
  // The engine's match score for the pair, in [0, 1] with 6 decimals.
  score: number;
}

export interface AllocationParticipant {
  id: string;
  // Rank order, best first. Only ranked projects can be allocated to the participant.
  choices: readonly AllocationChoice[];
}

export interface AllocationProject {
  id: string;
  capacity: number;
  // Defaults to true. A closed project takes no one, so ranking it is an input error.
  open?: boolean;
}

export interface AllocationInstance {
  participants: readonly AllocationParticipant[];
  projects: readonly AllocationProject[];
}

export interface Assignment {
  participantId: string;
  projectId: string;
  // The pair's score rounded to 6 decimals (the unit every comparison uses).
  score: number;
  // 1-based position of the project in the participant's choices.
  rank: number;
}

export type AllocationMode = 'STABLE' | 'OPTIMAL';

export interface AllocationResult {
  mode: AllocationMode;
  // In participant input order.
  assignments: Assignment[];
  // Participant ids in input order.
  unassigned: string[];
  // Sum of assignment scores, rounded to 6 decimals.
  totalScore: number;
}

// A participant and a project that would both rather be together than keep what they have.
export interface BlockingPair {
  participantId: string;
  projectId: string;
}
