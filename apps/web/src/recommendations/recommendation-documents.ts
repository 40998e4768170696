import { graphql } from '../gql';

export const RecommendedProjectFieldsFragment = graphql(`
  fragment RecommendedProjectFields on Project {
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
        nameEn
      }
    }
    region {
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
`);

// What the reasons are about on the participant's side (the factors carry codes and values).
export const RecommendationProfileFieldsFragment = graphql(`
  fragment RecommendationProfileFields on ParticipantProfile {
    userId
    updatedAt
    skills {
      skillId
      name
      nameEn
      level
    }
    themes {
      code
    }
    goals
    availability {
      weeklyHours
    }
    homeMunicipality {
      code
    }
  }
`);

export const MyRecommendationsQuery = graphql(`
  query MyRecommendations($first: Int!) {
    myParticipantProfile {
      ...RecommendationProfileFields
    }
    recommendedProjects(first: $first) {
      edges {
        cursor
        node {
          rank
          score
          computedAt
          factors {
            factor
            weight
            value
          }
          project {
            ...RecommendedProjectFields
          }
        }
      }
    }
  }
`);
