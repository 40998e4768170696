import { graphql } from '../gql';

// A region's population as its page and its editor show it.
export const RegionPopulationFieldsFragment = graphql(`
  fragment RegionPopulationFields on RegionPopulation {
    censusYear
    total
    updatedAt
    ageGroups {
      fromAge
      toAge
      male
      female
    }
  }
`);

// The public page: everything in one request.
export const RegionProfileQuery = graphql(`
  query RegionProfile($organizationId: ID!) {
    regionProfile(organizationId: $organizationId) {
      organizationId
      description
      organization {
        id
        name
        municipality {
          code
          name
          nameEn
        }
      }
      population {
        ...RegionPopulationFields
      }
      projects {
        id
        title
        status
        publishedAt
        closedAt
        theme {
          ...ThemeFields
        }
      }
      supervisingIntermediaries {
        id
        name
      }
      relationships {
        completedEngagements
        participants
        returningParticipants
      }
    }
  }
`);

// The editor: description and population only.
export const RegionProfileEditQuery = graphql(`
  query RegionProfileEdit($organizationId: ID!) {
    regionProfile(organizationId: $organizationId) {
      organizationId
      description
      population {
        ...RegionPopulationFields
      }
    }
  }
`);

export const ProjectionPointFieldsFragment = graphql(`
  fragment ProjectionPointFields on ProjectionPoint {
    year
    total
    children
    working
    elderly
  }
`);

export const RegionProjectionQuery = graphql(`
  query RegionProjection($organizationId: ID!, $parameters: PopulationProjectionInput) {
    regionPopulationProjection(organizationId: $organizationId, parameters: $parameters) {
      baseYear
      household
      householdSize
      parameters {
        totalFertilityRate
        defaults
      }
      baseline {
        ...ProjectionPointFields
      }
      settlements {
        target
        householdsPerYear
        peoplePerYear
        withNewcomers {
          ...ProjectionPointFields
        }
      }
    }
  }
`);

export const UpdateRegionProfileMutation = graphql(`
  mutation UpdateRegionProfile($input: UpdateRegionProfileInput!) {
    updateRegionProfile(input: $input) {
      organizationId
      description
    }
  }
`);

export const SaveRegionPopulationMutation = graphql(`
  mutation SaveRegionPopulation($input: RegionPopulationInput!) {
    saveRegionPopulation(input: $input) {
      organizationId
      population {
        ...RegionPopulationFields
      }
    }
  }
`);

export const ImportRegionPopulationCsvMutation = graphql(`
  mutation ImportRegionPopulationCsv($input: ImportRegionPopulationInput!) {
    importRegionPopulationCsv(input: $input) {
      organizationId
      population {
        ...RegionPopulationFields
      }
    }
  }
`);
