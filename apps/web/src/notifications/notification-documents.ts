import { graphql } from '../gql';

// What every list of notifications shows: the facts to word it, and where it leads.
export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    type
    title
    audience
    facts {
      name
      value
    }
    projectId
    engagementId
    scoutOfferId
    conversationId
    organizationId
    eventId
    createdAt
    readAt
  }
`);

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    unreadNotificationCount
  }
`);

export const LatestNotificationsQuery = graphql(`
  query LatestNotifications {
    myNotifications(first: 5) {
      edges {
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

export const MyNotificationsQuery = graphql(`
  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);
