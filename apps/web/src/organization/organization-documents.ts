import { graphql } from '../gql';

// An organisation's own page and the member list and form the platform admins' page shares.

// E-mail addresses come only to owners and platform admins (null for the others).
export const OrganizationMemberFields = graphql(`
  fragment OrganizationMemberFields on OrganizationMember {
    userId
    displayName
    email
    role
    joinedAt
  }
`);

export const ProgramSummaryFields = graphql(`
  fragment ProgramSummaryFields on Program {
    id
    name
    description
  }
`);

// Its members (to anyone who works for it), its place, and by kind: the intermediaries covering a
// region with their programs, or an intermediary's remit and programs.
export const OrganizationHomeQuery = graphql(`
  query OrganizationHome($id: ID!) {
    me {
      id
    }
    organization(id: $id) {
      id
      name
      kind
      municipality {
        code
        name
        nameEn
        prefectureCode
      }
      remit {
        prefectures {
          code
          name
          nameEn
        }
        municipalities {
          code
          name
          nameEn
          prefectureCode
        }
      }
      programs {
        ...ProgramSummaryFields
      }
      coveringIntermediaries {
        id
        name
        programs {
          ...ProgramSummaryFields
        }
      }
    }
    organizationMembers(organizationId: $id) {
      ...OrganizationMemberFields
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddOrganizationMember($input: AddMemberInput!) {
    addOrganizationMember(input: $input) {
      role
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveOrganizationMember($input: RemoveMemberInput!) {
    removeOrganizationMember(input: $input) {
      id
    }
  }
`);
