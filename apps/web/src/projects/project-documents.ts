import { graphql } from '../gql';

// A theme and a place as every project screen shows them (names in both languages).
export const ThemeFieldsFragment = graphql(`
  fragment ThemeFields on Theme {
    code
    name
    nameEn
  }
`);

export const PlaceFieldsFragment = graphql(`
  fragment PlaceFields on Place {
    prefecture {
      code
      name
      nameEn
    }
    municipality {
      code
      name
      nameEn
    }
  }
`);

export const ThemesQuery = graphql(`
  query Themes {
    themes {
      ...ThemeFields
    }
  }
`);

// Projects come with their 興味あり state (InterestState), so each card's toggle reads the cache
// rather than asking the API once per card.
export const ProjectSearchQuery = graphql(`
  query ProjectSearch($filter: ProjectFilter, $sort: ProjectSort!, $first: Int!, $after: String) {
    projects(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...InterestState
          title
          mode
          startDate
          endDate
          hoursPerWeek
          theme {
            ...ThemeFields
          }
          place {
            ...PlaceFields
          }
          region {
            id
            name
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

export const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      id
      ...InterestState
      status
      title
      description
      mode
      startDate
      endDate
      hoursPerWeek
      seasonMonths
      capacity
      eligibleKinds
      languages
      theme {
        ...ThemeFields
      }
      place {
        lat
        lng
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
      supervisingIntermediaries {
        id
        name
      }
      requiredSkills {
        skillId
        name
        nameEn
        minLevel
        requirement
      }
    }
  }
`);
