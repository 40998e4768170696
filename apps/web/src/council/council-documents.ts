import { graphql } from '../gql';

// A member's profile as the directory, its page and its workspace show it.
export const CouncilProfileFieldsFragment = graphql(`
  fragment CouncilProfileFields on CouncilMember {
    organization {
      id
      name
      kind
    }
    memberSince
    prefecture {
      code
      name
      nameEn
    }
    municipality {
      code
      name
      nameEn
    }
    themeCodes
    introductionJa
    introductionEn
    offerTags
    offerText
    seekTags
    seekText
    website
  }
`);

export const CouncilMembersQuery = graphql(`
  query CouncilMembers($filter: CouncilMemberFilter, $first: Int!, $after: String) {
    councilMembers(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...CouncilProfileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CouncilMemberQuery = graphql(`
  query CouncilMember($organizationId: ID!) {
    councilMember(organizationId: $organizationId) {
      ...CouncilProfileFields
    }
  }
`);

export const ContactCouncilMemberMutation = graphql(`
  mutation ContactCouncilMember($input: ContactCouncilMemberInput!) {
    contactCouncilMember(input: $input) {
      id
      sentAt
    }
  }
`);

// An organisation's own membership: status, decision and the profile it edits.
export const CouncilMembershipFieldsFragment = graphql(`
  fragment CouncilMembershipFields on CouncilMembership {
    id
    status
    appliedAt
    decidedAt
    decisionReason
    withdrawnAt
    organization {
      id
      name
      kind
    }
    municipality {
      code
      name
      nameEn
    }
    themeCodes
    introductionJa
    introductionEn
    offerTags
    offerText
    seekTags
    seekText
    website
  }
`);

export const OwnCouncilMembershipQuery = graphql(`
  query OwnCouncilMembership($organizationId: ID!) {
    councilMembership(organizationId: $organizationId) {
      ...CouncilMembershipFields
    }
  }
`);

export const ApplyForCouncilMembershipMutation = graphql(`
  mutation ApplyForCouncilMembership(
    $organizationId: ID!
    $input: ApplyForCouncilMembershipInput!
  ) {
    applyForCouncilMembership(organizationId: $organizationId, input: $input) {
      ...CouncilMembershipFields
    }
  }
`);

export const WithdrawCouncilMembershipMutation = graphql(`
  mutation WithdrawCouncilMembership($organizationId: ID!) {
    withdrawCouncilMembership(organizationId: $organizationId) {
      ...CouncilMembershipFields
    }
  }
`);

export const UpdateCouncilProfileMutation = graphql(`
  mutation UpdateCouncilProfile($organizationId: ID!, $input: CouncilProfileInput!) {
    updateCouncilProfile(organizationId: $organizationId, input: $input) {
      ...CouncilMembershipFields
    }
  }
`);

export const CouncilPartnerSuggestionsQuery = graphql(`
  query CouncilPartnerSuggestions($organizationId: ID!) {
    councilPartnerSuggestions(organizationId: $organizationId, first: 10) {
      score
      theyOffer
      youOffer
      member {
        ...CouncilProfileFields
      }
      factors {
        factor
        weight
        value
        reason {
          ja
          en
        }
      }
    }
  }
`);

// The platform admins' queue.
export const CouncilApplicationsQuery = graphql(`
  query CouncilApplications($status: CouncilMembershipStatus!, $first: Int!, $after: String) {
    councilMembershipApplications(status: $status, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...CouncilMembershipFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const DecideCouncilMembershipMutation = graphql(`
  mutation DecideCouncilMembership($id: ID!, $approve: Boolean!, $reason: String) {
    decideCouncilMembership(id: $id, approve: $approve, reason: $reason) {
      ...CouncilMembershipFields
    }
  }
`);
