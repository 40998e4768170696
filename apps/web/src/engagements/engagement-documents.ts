import { graphql } from '../gql';

// What every view of an engagement shows: its project, where it stands and what comes next.
export const EngagementSummaryFragment = graphql(`
  fragment EngagementSummary on Engagement {
    id
    status
    statusReason
    createdAt
    statusChangedAt
    nextSteps {
      action
      by
    }
    guardianConsent {
      ...GuardianConsentState
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
`);

export const MyEngagementForProjectQuery = graphql(`
  query MyEngagementForProject($projectId: ID!) {
    myEngagementForProject(projectId: $projectId) {
      ...EngagementSummary
    }
  }
`);

export const ApplyMutation = graphql(`
  mutation Apply($input: ApplyToProjectInput!) {
    applyToProject(input: $input) {
      ...EngagementSummary
    }
  }
`);

export const MyEngagementsQuery = graphql(`
  query MyEngagements($status: [EngagementStatus!], $first: Int!, $after: String) {
    myEngagements(status: $status, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...EngagementSummary
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const EngagementQuery = graphql(`
  query Engagement($id: ID!) {
    engagement(id: $id) {
      ...EngagementSummary
      motivation
      applicant {
        userId
      }
      interview {
        slots
        meetingUrl
        notes
      }
      terms {
        startDate
        endDate
        hoursPerWeek
        goals
      }
      project {
        id
        startDate
        endDate
        supervisingIntermediaries {
          id
          name
        }
      }
    }
    engagementHistory(engagementId: $id) {
      toStatus
      createdAt
    }
  }
`);

export const EngagementContactsQuery = graphql(`
  query EngagementContacts($id: ID!) {
    engagementContacts(engagementId: $id) {
      region {
        name
        email
      }
    }
  }
`);

export const TransitionMutation = graphql(`
  mutation TransitionEngagement($input: TransitionEngagementInput!) {
    transitionEngagement(input: $input) {
      ...EngagementSummary
    }
  }
`);

export const CheckInsQuery = graphql(`
  query EngagementCheckIns($id: ID!) {
    engagementCheckIns(engagementId: $id) {
      id
      summary
      hours
      mood
      blocked
      approvedAt
      createdAt
    }
  }
`);

export const AddCheckInMutation = graphql(`
  mutation AddCheckIn($input: AddCheckInInput!) {
    addCheckIn(input: $input) {
      id
    }
  }
`);

export const ApproveCheckInHoursMutation = graphql(`
  mutation ApproveCheckInHours($id: ID!) {
    approveCheckInHours(checkInId: $id) {
      id
      approvedAt
    }
  }
`);

export const MilestonesQuery = graphql(`
  query EngagementMilestones($id: ID!) {
    engagementMilestones(engagementId: $id) {
      id
      title
      dueDate
      doneAt
    }
  }
`);

export const AddMilestoneMutation = graphql(`
  mutation AddMilestone($input: AddMilestoneInput!) {
    addMilestone(input: $input) {
      id
      title
      dueDate
      doneAt
    }
  }
`);

export const CompleteMilestoneMutation = graphql(`
  mutation CompleteMilestone($id: ID!) {
    completeMilestone(milestoneId: $id) {
      id
      doneAt
    }
  }
`);

export const FeedbackQuery = graphql(`
  query EngagementFeedback($id: ID!) {
    engagementFeedback(engagementId: $id) {
      id
      side
      rating
      comment
      createdAt
    }
  }
`);

export const GiveFeedbackMutation = graphql(`
  mutation GiveFeedback($input: GiveEngagementFeedbackInput!) {
    giveEngagementFeedback(input: $input) {
      id
    }
  }
`);

export const MyFollowUpsQuery = graphql(`
  query MyFollowUps {
    myFollowUps {
      id
      engagementId
      dueMonths
      dueAt
      outcomes
      note
      recordedAt
    }
  }
`);

export const RecordFollowUpMutation = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      id
      outcomes
      note
      recordedAt
    }
  }
`);

export const MyRegionRelationshipsQuery = graphql(`
  query MyRegionRelationships {
    myRegionRelationships {
      id
      regionOrganizationId
      regionName
      firstEngagementAt
      engagementsCompleted
      lastOutcomes
      lastContactAt
    }
  }
`);
