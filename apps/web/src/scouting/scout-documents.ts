import { graphql } from '../gql';

export const ScoutOfferFieldsFragment = graphql(`
  fragment ScoutOfferFields on ScoutOffer {
    id
    status
    message
    expiresAt
    respondedAt
    responseNote
    engagementId
    createdAt
    sentByName
    senderOrganization {
      id
      name
      kind
    }
    project {
      id
      title
      region {
        id
        name
      }
    }
    conversation {
      id
      unreadCount
    }
  }
`);

export const MyScoutOffersQuery = graphql(`
  query MyScoutOffers($first: Int!, $after: String) {
    myScoutOffers(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ScoutOfferFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const RespondToScoutOfferMutation = graphql(`
  mutation RespondToScoutOffer($input: RespondToScoutOfferInput!) {
    respondToScoutOffer(input: $input) {
      ...ScoutOfferFields
    }
  }
`);
