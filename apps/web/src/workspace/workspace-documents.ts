import { graphql } from '../gql';

// The organisations a signed-in person works for: the workspace is built from them.
export const MyOrganizationsQuery = graphql(`
  query MyOrganizations {
    me {
      id
      memberships {
        role
        organization {
          id
          name
          kind
        }
      }
    }
  }
`);
