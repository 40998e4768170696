import { graphql } from '../gql';

export const ThemesQuery = graphql(`
  query Themes {
    themes {
      code
      name
      nameEn
    }
  }
`);

export const ProjectSearchQuery = graphql(`
  query ProjectSearch($filter: ProjectFilter, $sort: ProjectSort!, $first: Int!, $after: String) {
    projects(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          title
          mode
          startDate
          endDate
          hoursPerWeek
          theme {
            code
            name
            nameEn
          }
          place {
            prefecture {
              code
              name
              nameEn
            }
            municipality {
              code
              name
            }
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
        code
        name
        nameEn
      }
      place {
        lat
        lng
        prefecture {
          code
          name
          nameEn
        }
        municipality {
          code
          name
        }
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
