import { graphql } from '../gql';

export const CompanyEmployeesQuery = graphql(`
  query CompanyEmployees(
    $companyOrganizationId: ID!
    $first: Int
    $after: String
    $search: String
  ) {
    companyEmployees(
      companyOrganizationId: $companyOrganizationId
      first: $first
      after: $after
      search: $search
    ) {
      edges {
        node {
          userId
          displayName
          kind
          engagementCount
          activeEngagementCount
          enrolledAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CompanyInvitationsQuery = graphql(`
  query CompanyInvitations($companyOrganizationId: ID!, $first: Int, $after: String) {
    companyInvitations(
      companyOrganizationId: $companyOrganizationId
      first: $first
      after: $after
    ) {
      edges {
        node {
          id
          email
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const InviteCompanyEmployeeMutation = graphql(`
  mutation InviteCompanyEmployee($input: InviteCompanyEmployeeInput!) {
    inviteCompanyEmployee(input: $input) {
      id
      email
      createdAt
    }
  }
`);

export const WithdrawCompanyInvitationMutation = graphql(`
  mutation WithdrawCompanyInvitation($input: CompanyInvitationIdInput!) {
    withdrawCompanyInvitation(input: $input)
  }
`);

export const RemoveCompanyEmployeeMutation = graphql(`
  mutation RemoveCompanyEmployee($input: RemoveCompanyEmployeeInput!) {
    removeCompanyEmployee(input: $input)
  }
`);

export const MyCompanyInvitationsQuery = graphql(`
  query MyCompanyInvitations {
    myCompanyInvitations {
      id
      createdAt
      company {
        id
        name
      }
    }
  }
`);

export const AcceptCompanyInvitationMutation = graphql(`
  mutation AcceptCompanyInvitation($input: CompanyInvitationIdInput!) {
    acceptCompanyInvitation(input: $input) {
      id
      company {
        id
        name
      }
    }
  }
`);

// A program with the projects it targets, as the programs and teams pages show it.
export const CompanyProgramFieldsFragment = graphql(`
  fragment CompanyProgramFields on CompanyProgram {
    id
    name
    description
    startDate
    endDate
    createdAt
    projects {
      id
      title
      status
      eligibleKinds
      municipality {
        code
        name
        nameEn
      }
    }
  }
`);

export const CompanyProgramsQuery = graphql(`
  query CompanyPrograms($companyOrganizationId: ID!, $first: Int = 20, $after: String = null) {
    companyPrograms(companyOrganizationId: $companyOrganizationId, first: $first, after: $after) {
      edges {
        node {
          ...CompanyProgramFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateCompanyProgramMutation = graphql(`
  mutation CreateCompanyProgram($input: CreateCompanyProgramInput!) {
    createCompanyProgram(input: $input) {
      ...CompanyProgramFields
    }
  }
`);

export const AddProjectToCompanyProgramMutation = graphql(`
  mutation AddProjectToCompanyProgram($input: ProgramProjectInput!) {
    addProjectToCompanyProgram(input: $input) {
      ...CompanyProgramFields
    }
  }
`);

export const RemoveProjectFromCompanyProgramMutation = graphql(`
  mutation RemoveProjectFromCompanyProgram($input: ProgramProjectInput!) {
    removeProjectFromCompanyProgram(input: $input) {
      ...CompanyProgramFields
    }
  }
`);

// Published projects open to company employees, for a program to target.
export const EmployeeProjectsQuery = graphql(`
  query EmployeeProjects($text: String) {
    projects(first: 10, filter: { eligibleFor: COMPANY_EMPLOYEE, text: $text }) {
      edges {
        node {
          id
          title
          region {
            id
            name
          }
        }
      }
    }
  }
`);

export const CompanyTeamsQuery = graphql(`
  query CompanyTeams($companyOrganizationId: ID!, $first: Int = 20, $after: String = null) {
    companyTeams(companyOrganizationId: $companyOrganizationId, first: $first, after: $after) {
      edges {
        node {
          id
          name
          createdAt
          members {
            userId
            displayName
          }
          program {
            id
            name
            projects {
              id
              title
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    companyTeamApplications(companyOrganizationId: $companyOrganizationId) {
      teamId
      engagementId
      projectId
      projectTitle
      participantName
      status
      submittedAt
    }
  }
`);

export const CreateCompanyTeamMutation = graphql(`
  mutation CreateCompanyTeam($input: CreateCompanyTeamInput!) {
    createCompanyTeam(input: $input) {
      id
      name
    }
  }
`);

export const ApplyAsCompanyTeamMutation = graphql(`
  mutation ApplyAsCompanyTeam($input: ApplyAsCompanyTeamInput!) {
    applyAsCompanyTeam(input: $input) {
      id
      status
    }
  }
`);

export const CompanyImpactQuery = graphql(`
  query CompanyImpact($companyOrganizationId: ID!, $from: String!, $to: String!) {
    companyImpact(companyOrganizationId: $companyOrganizationId, from: $from, to: $to) {
      from
      to
      hours
      participants
      applications
      byStatus {
        status
        count
      }
      regions {
        organizationId
        name
        prefectureCode
        engagements
        hours
      }
      prefectures {
        prefectureCode
        nameJa
        nameEn
        engagements
        hours
      }
      months {
        month
        applications
        hours
      }
    }
  }
`);
