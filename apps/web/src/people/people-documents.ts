import { graphql } from '../gql';

// What staff see of a participant: only what the participant chose to show (the API leaves the
// rest out), never contact details.
export const CandidateCardFragment = graphql(`
  fragment CandidateCard on ParticipantCard {
    userId
    displayName
    kind
    bio
    remoteOnly
    skills {
      skillId
      name
      nameEn
      level
    }
    homeMunicipality {
      code
      name
      nameEn
    }
    availability {
      weeklyHours
    }
  }
`);

// An application as the region and its intermediaries read it in lists.
export const StaffEngagementRowFragment = graphql(`
  fragment StaffEngagementRow on Engagement {
    id
    status
    statusReason
    motivation
    createdAt
    statusChangedAt
    answerDueAt
    applicant {
      userId
      displayName
      kind
    }
    guardianConsent {
      ...GuardianConsentState
    }
  }
`);

export const PeopleProjectQuery = graphql(`
  query PeopleProject($projectId: ID!) {
    project(id: $projectId) {
      id
      title
      status
      pausedAt
      pauseReason
      interestCount
      region {
        id
        name
      }
    }
  }
`);

export const ProjectEngagementsQuery = graphql(`
  query ProjectEngagements($projectId: ID!, $first: Int!, $after: String) {
    projectEngagements(projectId: $projectId, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...StaffEngagementRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const RecommendedCandidatesQuery = graphql(`
  query RecommendedCandidates($projectId: ID!, $first: Int!, $after: String) {
    recommendedCandidates(projectId: $projectId, first: $first, after: $after) {
      edges {
        cursor
        node {
          rank
          factors {
            factor
            value
            weight
            reason {
              ja
              en
            }
          }
          participant {
            ...CandidateCard
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const ProjectInterestsQuery = graphql(`
  query ProjectInterests($projectId: ID!, $first: Int!, $after: String) {
    projectInterests(projectId: $projectId, first: $first, after: $after) {
      edges {
        cursor
        node {
          markedAt
          participant {
            ...CandidateCard
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const StaffScoutOfferFragment = graphql(`
  fragment StaffScoutOffer on ScoutOffer {
    id
    status
    message
    createdAt
    expiresAt
    respondedAt
    responseNote
    engagementId
    sentByName
    participant {
      userId
      displayName
    }
  }
`);

export const ProjectScoutOffersQuery = graphql(`
  query ProjectScoutOffers($projectId: ID!, $first: Int!, $after: String) {
    projectScoutOffers(projectId: $projectId, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...StaffScoutOffer
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const SendScoutOfferMutation = graphql(`
  mutation SendScoutOffer($input: SendScoutOfferInput!) {
    sendScoutOffer(input: $input) {
      ...StaffScoutOffer
    }
  }
`);

export const StaffEngagementQuery = graphql(`
  query StaffEngagement($id: ID!) {
    engagement(id: $id) {
      ...StaffEngagementRow
      nextSteps {
        action
        by
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
        title
        startDate
        endDate
        hoursPerWeek
        region {
          id
          name
        }
      }
    }
    engagementHistory(engagementId: $id) {
      action
      fromStatus
      toStatus
      actorName
      reason
      createdAt
    }
  }
`);

export const StaffEngagementContactsQuery = graphql(`
  query StaffEngagementContacts($id: ID!) {
    engagementContacts(engagementId: $id) {
      participant {
        name
        email
        phone
      }
    }
  }
`);

export const StaffTransitionMutation = graphql(`
  mutation StaffTransition($input: TransitionEngagementInput!) {
    transitionEngagement(input: $input) {
      id
      status
    }
  }
`);

export const EngagementNotesQuery = graphql(`
  query EngagementNotes($id: ID!) {
    engagementNotes(engagementId: $id) {
      id
      body
      visibility
      authorName
      createdAt
    }
  }
`);

export const AddEngagementNoteMutation = graphql(`
  mutation AddEngagementNote($input: AddEngagementNoteInput!) {
    addEngagementNote(input: $input) {
      id
    }
  }
`);
