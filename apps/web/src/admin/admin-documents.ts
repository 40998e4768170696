import { graphql } from '../gql';

// The platform admins' pages: organisations, their members and remits, the skill taxonomy, and
// what could not be delivered.

export const AdminOrganizationFields = graphql(`
  fragment AdminOrganizationFields on Organization {
    id
    name
    kind
    municipality {
      code
      name
      nameEn
      prefectureCode
    }
  }
`);

export const AdminOrganizationsQuery = graphql(`
  query AdminOrganizations($query: String, $kind: OrganizationKind, $first: Int, $after: String) {
    organizations(query: $query, kind: $kind, first: $first, after: $after) {
      edges {
        node {
          ...AdminOrganizationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateOrganizationMutation = graphql(`
  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...AdminOrganizationFields
    }
  }
`);

export const AdminOrganizationQuery = graphql(`
  query AdminOrganization($id: ID!) {
    organization(id: $id) {
      ...AdminOrganizationFields
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
    }
    organizationMembers(organizationId: $id) {
      ...OrganizationMemberFields
    }
  }
`);

export const SetRemitMutation = graphql(`
  mutation AdminSetRemit($input: SetRemitInput!) {
    setRemit(input: $input) {
      id
    }
  }
`);

export const AdminSkillFields = graphql(`
  fragment AdminSkillFields on Skill {
    id
    code
    name
    nameEn
    aliases
    category {
      code
    }
  }
`);

export const AdminSkillsQuery = graphql(`
  query AdminSkills($categoryCode: String, $query: String) {
    skillCategories {
      code
      name
      nameEn
    }
    skills(categoryCode: $categoryCode, query: $query, first: 200) {
      ...AdminSkillFields
    }
  }
`);

export const CreateSkillMutation = graphql(`
  mutation AdminCreateSkill($input: CreateSkillInput!) {
    createSkill(input: $input) {
      ...AdminSkillFields
    }
  }
`);

export const UpdateSkillMutation = graphql(`
  mutation AdminUpdateSkill($input: UpdateSkillInput!) {
    updateSkill(input: $input) {
      ...AdminSkillFields
    }
  }
`);

export const AddSkillAliasesMutation = graphql(`
  mutation AdminAddSkillAliases($input: AddSkillAliasesInput!) {
    addSkillAliases(input: $input) {
      ...AdminSkillFields
    }
  }
`);

export const DeadLettersQuery = graphql(`
  query AdminDeadLetters {
    webhookDeadLetters(first: 50) {
      edges {
        node {
          id
          eventType
          organizationId
          attempts
          lastStatusCode
          createdAt
        }
      }
    }
    notificationDeliveries(status: DEAD, first: 50) {
      edges {
        node {
          id
          eventType
          channel
          attempts
          createdAt
        }
      }
    }
  }
`);

export const RetryWebhookMutation = graphql(`
  mutation AdminRetryWebhook($id: ID!) {
    retryWebhookDelivery(id: $id) {
      id
      status
    }
  }
`);

export const RetryNotificationMutation = graphql(`
  mutation AdminRetryNotification($id: ID!) {
    retryNotificationDelivery(id: $id) {
      id
      status
    }
  }
`);
