import { graphql } from '../gql';

export const messageFields = graphql(`
  fragment MessageFields on Message {
    id
    conversationId
    seq
    body
    authorName
    authorRole
    mine
    createdAt
  }
`);

export const conversationFields = graphql(`
  fragment ConversationFields on Conversation {
    id
    kind
    engagementId
    scoutOfferId
    participantName
    myRoles
    canWrite
    closed
    messageCount
    unreadCount
    lastMessageAt
    createdAt
    project {
      id
      title
      region {
        id
        name
      }
    }
    lastMessage {
      ...MessageFields
    }
  }
`);

export const MyConversationsQuery = graphql(`
  query MyConversations($first: Int, $after: String) {
    myConversations(first: $first, after: $after) {
      edges {
        node {
          ...ConversationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      ...ConversationFields
    }
  }
`);

export const EngagementConversationQuery = graphql(`
  query EngagementConversation($engagementId: ID!) {
    engagementConversation(engagementId: $engagementId) {
      ...ConversationFields
    }
  }
`);

export const ScoutOfferConversationQuery = graphql(`
  query ScoutOfferConversation($scoutOfferId: ID!) {
    scoutOfferConversation(scoutOfferId: $scoutOfferId) {
      ...ConversationFields
    }
  }
`);

export const MessagesQuery = graphql(`
  query Messages($conversationId: ID!, $first: Int, $after: String) {
    messages(conversationId: $conversationId, first: $first, after: $after) {
      edges {
        node {
          ...MessageFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const UnreadMessageCountQuery = graphql(`
  query UnreadMessageCount {
    unreadMessageCount
  }
`);

export const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      ...MessageFields
    }
  }
`);

export const MarkConversationReadMutation = graphql(`
  mutation MarkConversationRead($conversationId: ID!) {
    markConversationRead(conversationId: $conversationId) {
      id
      unreadCount
    }
  }
`);

export const MessageAddedSubscription = graphql(`
  subscription MessageAdded($conversationId: ID!) {
    messageAdded(conversationId: $conversationId) {
      ...MessageFields
    }
  }
`);
