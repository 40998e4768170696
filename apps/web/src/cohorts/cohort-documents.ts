import { graphql } from '../gql';

// A project as the cohort screens name it: title, where, and whose.
export const CohortProjectFieldsFragment = graphql(`
  fragment CohortProjectFields on Project {
    id
    title
    status
    place {
      ...PlaceFields
    }
    region {
      id
      name
    }
  }
`);

export const CohortParticipantFieldsFragment = graphql(`
  fragment CohortParticipantFields on CohortParticipant {
    participantId
    displayName
  }
`);

// The cohort as its intermediary's staff see it: members with their rankings, projects with
// their seats, and the allocations run so far.
export const CohortFieldsFragment = graphql(`
  fragment CohortFields on Cohort {
    id
    name
    status
    createdAt
    program {
      id
      name
    }
    projects {
      capacity
      project {
        ...CohortProjectFields
      }
    }
    members {
      participant {
        ...CohortParticipantFields
      }
      ranking {
        rank
        project {
          id
        }
      }
    }
    allocations {
      id
      mode
      status
      createdAt
      totalScore
      blockingPairs
    }
  }
`);

export const AllocationFieldsFragment = graphql(`
  fragment AllocationFields on Allocation {
    id
    cohortId
    mode
    status
    error
    createdAt
    startedAt
    finishedAt
    confirmedAt
    totalScore
    blockingPairs
    problems {
      code
      message
      participantId
      projectId
    }
    assignments {
      participant {
        ...CohortParticipantFields
      }
      project {
        id
        title
      }
      rank
      score
      adjusted
      engagementId
    }
    unassigned {
      ...CohortParticipantFields
    }
    teams {
      project {
        id
        title
      }
      capacity
      members {
        participantId
      }
      coveredSkills {
        participantId
        skill {
          skillId
          name
          nameEn
        }
      }
      uncoveredSkills {
        skillId
        name
        nameEn
        minLevel
      }
    }
    blockingPairDetails {
      participant {
        participantId
      }
      project {
        id
      }
    }
  }
`);

export const IntermediaryProgramsQuery = graphql(`
  query IntermediaryPrograms($organizationId: ID!) {
    programs(intermediaryOrganizationId: $organizationId) {
      id
      name
    }
  }
`);

export const ProgramCohortsQuery = graphql(`
  query ProgramCohorts($programId: ID!) {
    programCohorts(programId: $programId) {
      id
      name
      status
      createdAt
      projects {
        capacity
      }
      members {
        participant {
          participantId
        }
        ranking {
          rank
        }
      }
    }
  }
`);

export const CreateCohortMutation = graphql(`
  mutation CreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      id
      name
    }
  }
`);

export const CohortQuery = graphql(`
  query Cohort($id: ID!) {
    cohort(id: $id) {
      ...CohortFields
    }
  }
`);

export const AddCohortMembersMutation = graphql(`
  mutation AddCohortMembers($input: AddCohortMembersInput!) {
    addCohortMembers(input: $input) {
      ...CohortFields
    }
  }
`);

export const AddCohortProjectsMutation = graphql(`
  mutation AddCohortProjects($input: AddCohortProjectsInput!) {
    addCohortProjects(input: $input) {
      ...CohortFields
    }
  }
`);

// Participants whose profiles the intermediary may see, by words in their bio.
export const CohortParticipantSearchQuery = graphql(`
  query CohortParticipantSearch($filter: ParticipantSearchFilter, $first: Int!) {
    searchParticipants(filter: $filter, first: $first) {
      edges {
        node {
          userId
          displayName
          kind
          homeMunicipality {
            code
            name
            nameEn
          }
        }
      }
    }
  }
`);

// The intermediary's remit, for choosing where to look for projects.
export const IntermediaryRemitQuery = graphql(`
  query IntermediaryRemit($id: ID!) {
    organization(id: $id) {
      id
      remit {
        prefectures {
          code
          name
          nameEn
        }
        municipalities {
          code
          name
          nameEn
        }
      }
    }
  }
`);

export const CohortProjectSearchQuery = graphql(`
  query CohortProjectSearch($filter: ProjectFilter, $first: Int!) {
    projects(filter: $filter, first: $first) {
      edges {
        node {
          ...CohortProjectFields
          capacity
          program {
            id
          }
        }
      }
    }
  }
`);

export const RunAllocationMutation = graphql(`
  mutation RunAllocation($cohortId: ID!, $mode: AllocationMode!) {
    runAllocation(cohortId: $cohortId, mode: $mode) {
      ...AllocationFields
    }
  }
`);

export const AllocationQuery = graphql(`
  query Allocation($id: ID!) {
    allocation(id: $id) {
      ...AllocationFields
    }
  }
`);

export const AdjustAllocationMutation = graphql(`
  mutation AdjustAllocation($input: AdjustAllocationInput!) {
    adjustAllocation(input: $input) {
      ...AllocationFields
    }
  }
`);

export const ConfirmAllocationMutation = graphql(`
  mutation ConfirmAllocation($id: ID!) {
    confirmAllocation(id: $id) {
      ...AllocationFields
    }
  }
`);

// The participant's side: their cohorts, and one cohort's projects with their own ranking.
export const MyCohortsQuery = graphql(`
  query MyCohorts {
    myCohorts {
      id
      name
      status
      createdAt
      program {
        id
        name
      }
      projects {
        capacity
      }
      myRanking {
        rank
      }
    }
  }
`);

export const MyCohortQuery = graphql(`
  query MyCohort($id: ID!) {
    cohort(id: $id) {
      id
      name
      status
      program {
        id
        name
      }
      projects {
        capacity
        project {
          ...CohortProjectFields
        }
      }
      myRanking {
        rank
        project {
          id
        }
      }
    }
  }
`);

export const RankCohortProjectsMutation = graphql(`
  mutation RankCohortProjects($input: RankCohortProjectsInput!) {
    rankCohortProjects(input: $input) {
      id
      myRanking {
        rank
        project {
          id
        }
      }
    }
  }
`);
