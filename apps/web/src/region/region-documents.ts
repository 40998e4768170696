import { graphql } from '../gql';

// A project as its region's list shows it.
export const RegionProjectRowFragment = graphql(`
  fragment RegionProjectRow on Project {
    id
    title
    status
    pausedAt
    pauseReason
    reviewComment
    startDate
    endDate
    updatedAt
    theme {
      ...ThemeFields
    }
  }
`);

// Everything the region's overview and the form need about one project.
export const RegionProjectFieldsFragment = graphql(`
  fragment RegionProjectFields on Project {
    ...RegionProjectRow
    description
    mode
    seasonMonths
    hoursPerWeek
    teamSize
    capacity
    eligibleKinds
    languages
    publishedAt
    closedAt
    attachments {
      title
      url
    }
    place {
      ...PlaceFields
    }
    region {
      id
      name
    }
    program {
      id
      name
    }
    requiredSkills {
      skillId
      name
      nameEn
      minLevel
      weight
      requirement
    }
  }
`);

export const OrganizationProjectsQuery = graphql(`
  query OrganizationProjects($organizationId: ID!, $first: Int!, $after: String) {
    organizationProjects(organizationId: $organizationId, first: $first, after: $after) {
      edges {
        node {
          ...RegionProjectRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const RegionProjectQuery = graphql(`
  query RegionProject($id: ID!) {
    project(id: $id) {
      ...RegionProjectFields
    }
    projectHistory(projectId: $id) {
      id
      action
      actorName
      changedFields
      comment
      createdAt
    }
  }
`);

// The region's own place, for a new project's form.
export const RegionPlaceQuery = graphql(`
  query RegionPlace($id: ID!) {
    organization(id: $id) {
      id
      municipality {
        code
        name
        nameEn
        prefectureCode
      }
    }
  }
`);

// The programs a project of the region may join: those of the intermediaries covering its place
// (a project's place is its region's).
export const RegionProgramsQuery = graphql(`
  query RegionPrograms($id: ID!) {
    organization(id: $id) {
      id
      coveringIntermediaries {
        id
        name
        programs {
          ...ProgramSummaryFields
        }
      }
    }
  }
`);

export const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ...RegionProjectFields
    }
  }
`);

export const UpdateProjectMutation = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      ...RegionProjectFields
    }
  }
`);

export const SubmitProjectMutation = graphql(`
  mutation SubmitProject($id: ID!) {
    submitProject(id: $id) {
      ...RegionProjectFields
    }
  }
`);

export const ExtendProjectMutation = graphql(`
  mutation ExtendProject($input: ExtendProjectInput!) {
    extendProject(input: $input) {
      ...RegionProjectFields
    }
  }
`);

export const CloseProjectMutation = graphql(`
  mutation CloseProject($id: ID!, $reason: String) {
    closeProject(id: $id, reason: $reason) {
      ...RegionProjectFields
    }
  }
`);

export const ArchiveProjectMutation = graphql(`
  mutation ArchiveProject($id: ID!) {
    archiveProject(id: $id) {
      ...RegionProjectFields
    }
  }
`);
