import { graphql } from '../gql';

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
          id
          title
          body
          createdAt
          readAt
        }
      }
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      body
      createdAt
      readAt
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);
