import { graphql } from '../gql';

// The queue: each project with what the list shows, in the queue's one query.
export const ReviewQueueQuery = graphql(`
  query ReviewQueue($organizationId: ID!, $first: Int!, $after: String) {
    reviewQueue(organizationId: $organizationId, first: $first, after: $after) {
      edges {
        cursor
        node {
          submittedAt
          sentBackCount
          project {
            id
            title
            theme {
              ...ThemeFields
            }
            place {
              ...PlaceFields
            }
            region {
              id
              name
            }
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

// Where the project stands and its audit trail (the project's contents come with ProjectQuery).
export const ReviewProjectQuery = graphql(`
  query ReviewProject($projectId: ID!) {
    project(id: $projectId) {
      id
      title
      status
      reviewComment
    }
    projectHistory(projectId: $projectId) {
      id
      action
      comment
      actorName
      createdAt
    }
  }
`);

export const PublishProjectMutation = graphql(`
  mutation PublishProject($id: ID!, $comment: String) {
    publishProject(id: $id, comment: $comment) {
      id
      status
      reviewComment
    }
  }
`);

export const RequestProjectChangesMutation = graphql(`
  mutation RequestProjectChanges($id: ID!, $comment: String!) {
    requestProjectChanges(id: $id, comment: $comment) {
      id
      status
      reviewComment
    }
  }
`);

export const CommentOnProjectMutation = graphql(`
  mutation CommentOnProject($id: ID!, $comment: String!) {
    commentOnProject(id: $id, comment: $comment) {
      id
      status
      reviewComment
    }
  }
`);
