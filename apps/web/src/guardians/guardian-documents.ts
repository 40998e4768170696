import { graphql } from '../gql';

// Where a guardian's consent stands, as the participant and the people supervising see it.
export const GuardianConsentStateFragment = graphql(`
  fragment GuardianConsentState on GuardianConsent {
    id
    status
    lastSentAt
    linkExpiresAt
    decidedByName
    decidedAt
    withdrawnAt
  }
`);

// The guardian's page: what the child asks to join, found by the link's token.
export const GuardianConsentRequestFragment = graphql(`
  fragment GuardianConsentRequestFields on GuardianConsentRequest {
    subjectKind
    status
    childName
    title
    regionName
    startsOn
    endsOn
    supervisorNames
    contactName
    expired
    statement
    statementVersion
    decidedByName
    decidedAt
  }
`);

export const GuardianConsentRequestQuery = graphql(`
  query GuardianConsentRequest($input: GuardianConsentTokenInput!) {
    guardianConsentRequest(input: $input) {
      ...GuardianConsentRequestFields
    }
  }
`);

export const DecideGuardianConsentMutation = graphql(`
  mutation DecideGuardianConsent($input: DecideGuardianConsentInput!) {
    decideGuardianConsent(input: $input) {
      ...GuardianConsentRequestFields
    }
  }
`);

export const ResendGuardianConsentMutation = graphql(`
  mutation ResendGuardianConsent($consentId: ID!) {
    resendGuardianConsent(consentId: $consentId) {
      ...GuardianConsentState
    }
  }
`);
