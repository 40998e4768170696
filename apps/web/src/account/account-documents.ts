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

// What the account screens and the verification banner know about the signed-in person.
export const AccountFieldsFragment = graphql(`
  fragment AccountFields on Me {
    id
    email
    emailVerified
  }
`);

export const AccountQuery = graphql(`
  query Account {
    me {
      ...AccountFields
    }
  }
`);

export const ResendEmailVerificationMutation = graphql(`
  mutation ResendEmailVerification {
    resendEmailVerification
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($input: AccountTokenInput!) {
    verifyEmail(input: $input)
  }
`);

export const ConfirmEmailChangeMutation = graphql(`
  mutation ConfirmEmailChange($input: AccountTokenInput!) {
    confirmEmailChange(input: $input)
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

// The renewed session's refresh token goes to the cookie, as after signing in.
export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      refreshToken
    }
  }
`);

export const RequestEmailChangeMutation = graphql(`
  mutation RequestEmailChange($input: ChangeEmailInput!) {
    requestEmailChange(input: $input)
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($input: DeleteAccountInput!) {
    deleteMyAccount(input: $input)
  }
`);
