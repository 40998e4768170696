import { graphql } from '../gql';

// Only the refresh token is used: it is handed over to the cookie, which answers with the
// access token (see Session.start).
export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      refreshToken
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      refreshToken
    }
  }
`);
