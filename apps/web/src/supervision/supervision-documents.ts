import { graphql } from '../gql';

// One running engagement as the supervisor's list shows it.
export const SupervisedEngagementRowFragment = graphql(`
  fragment SupervisedEngagementRow on SupervisedEngagement {
    health
    lastCheckInAt
    overdueMilestones
    engagement {
      id
      createdAt
      statusChangedAt
      applicant {
        userId
        displayName
      }
      project {
        id
        title
        region {
          id
          name
        }
      }
    }
  }
`);

export const SupervisedEngagementsQuery = graphql(`
  query SupervisedEngagements($health: EngagementHealth, $first: Int!, $after: String) {
    supervisedEngagements(health: $health, first: $first, after: $after) {
      edges {
        node {
          ...SupervisedEngagementRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// The tiles count every supervised engagement per health (the API's aggregate); the overdue
// milestones come from the first rows of the healths that can have them (OVERVIEW_SIZE).
export const SupervisionOverviewQuery = graphql(`
  query SupervisionOverview($first: Int!) {
    supervisedHealthCounts {
      health
      count
    }
    needsAttention: supervisedEngagements(health: NEEDS_ATTENTION, first: $first) {
      edges {
        node {
          ...SupervisedEngagementRow
        }
      }
    }
    stale: supervisedEngagements(health: STALE, first: $first) {
      edges {
        node {
          ...SupervisedEngagementRow
        }
      }
    }
  }
`);

export const OverdueApplicationsQuery = graphql(`
  query OverdueApplications($first: Int!, $after: String) {
    overdueApplications(first: $first, after: $after) {
      edges {
        node {
          id
          createdAt
          applicant {
            userId
            displayName
          }
          project {
            id
            title
            region {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const DueFollowUpsQuery = graphql(`
  query DueFollowUps {
    dueFollowUps {
      id
      engagementId
      projectTitle
      dueMonths
      dueAt
      recordedAt
      outcomes
    }
  }
`);

export const ProgramFieldsFragment = graphql(`
  fragment ProgramFields on Program {
    id
    name
    description
    staleAfterDays
  }
`);

export const ProgramsQuery = graphql(`
  query Programs($organizationId: ID!) {
    programs(intermediaryOrganizationId: $organizationId) {
      ...ProgramFields
    }
  }
`);

export const CreateProgramMutation = graphql(`
  mutation CreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) {
      ...ProgramFields
    }
  }
`);

export const SetStaleAfterDaysMutation = graphql(`
  mutation SetProgramStaleAfterDays($programId: ID!, $days: Int) {
    setProgramStaleAfterDays(programId: $programId, days: $days) {
      ...ProgramFields
    }
  }
`);

export const ProgramWeightsQuery = graphql(`
  query ProgramWeights($programId: ID!) {
    programWeights(programId: $programId) {
      programId
      version
      weights {
        skills
        theme
        availability
        distance
        goal
        tie
        fairness
      }
    }
  }
`);

export const SetProgramWeightsMutation = graphql(`
  mutation SetProgramWeights($input: SetProgramWeightsInput!) {
    setProgramWeights(input: $input) {
      programId
      version
      weights {
        skills
        theme
        availability
        distance
        goal
        tie
        fairness
      }
    }
  }
`);

export const PreviewProgramWeightsQuery = graphql(`
  query PreviewProgramWeights($input: SetProgramWeightsInput!) {
    previewProgramWeights(input: $input) {
      fromRemit
      projects {
        projectId
        projectTitle
        candidates {
          participantId
          displayName
          rankBefore
          rankAfter
        }
      }
    }
  }
`);
