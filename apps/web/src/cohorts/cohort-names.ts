import type { CohortFieldsFragment } from '../gql/graphql';

export type StaffCohort = CohortFieldsFragment;

// Names of the cohort's members and projects by id, for the allocation's explanations.
export interface CohortNames {
  participant(id: string): string;
  project(id: string): string;
}

export function namesOf(cohort: StaffCohort): CohortNames {
  const people = new Map(
    (cohort.members ?? []).map((m) => [m.participant.participantId, m.participant.displayName]),
  );
  const projects = new Map(cohort.projects.map((p) => [p.project.id, p.project.title]));
  return {
    participant: (id) => people.get(id) ?? '',
    project: (id) => projects.get(id) ?? '',
  };
}
