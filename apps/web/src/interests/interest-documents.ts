import { graphql } from '../gql';

// What the 興味あり toggle shows of a project; mutations answer with it, so the cache updates
// every toggle of that project.
export const InterestStateFragment = graphql(`
  fragment InterestState on Project {
    id
    interestCount
    interestedByMe
  }
`);

export const InterestStateQuery = graphql(`
  query InterestState($id: ID!) {
    project(id: $id) {
      ...InterestState
    }
  }
`);

export const MarkInterestMutation = graphql(`
  mutation MarkInterest($projectId: ID!) {
    markProjectInterest(projectId: $projectId) {
      ...InterestState
    }
  }
`);

export const UnmarkInterestMutation = graphql(`
  mutation UnmarkInterest($projectId: ID!) {
    unmarkProjectInterest(projectId: $projectId) {
      ...InterestState
    }
  }
`);

export const MyInterestsQuery = graphql(`
  query MyInterests($first: Int!, $after: String) {
    myInterests(first: $first, after: $after) {
      edges {
        cursor
        node {
          markedAt
          project {
            ...InterestState
            title
            startDate
            endDate
            theme {
              code
              name
              nameEn
            }
            place {
              prefecture {
                code
                name
                nameEn
              }
              municipality {
                code
                name
              }
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
