import { graphql } from '../gql';

export const ProfileFieldsFragment = graphql(`
  fragment ProfileFields on ParticipantProfile {
    userId
    kind
    company {
      id
    }
    dateOfBirth
    guardianName
    guardianEmail
    guardianConsentAt
    skills {
      skillId
      code
      name
      nameEn
      level
    }
    themes {
      code
      name
      nameEn
    }
    goals
    availability {
      weeklyHours
      days
      periods {
        from
        to
      }
    }
    homeMunicipality {
      code
      name
      nameEn
      prefectureCode
    }
    travelRangeKm
    remoteOnly
    languages
    bio
    visibility
    phone
    updatedAt
  }
`);

export const MyProfileQuery = graphql(`
  query MyProfile {
    myParticipantProfile {
      ...ProfileFields
    }
    me {
      id
      memberships {
        organization {
          id
          kind
          name
        }
      }
    }
    themes {
      code
      name
      nameEn
    }
  }
`);

export const SaveProfileMutation = graphql(`
  mutation SaveProfile($input: ParticipantProfileInput!) {
    saveMyParticipantProfile(input: $input) {
      ...ProfileFields
    }
  }
`);

export const SkillOptionFieldsFragment = graphql(`
  fragment SkillOptionFields on Skill {
    id
    code
    name
    nameEn
    aliases
    category {
      code
      name
      nameEn
    }
  }
`);

export const SkillSearchQuery = graphql(`
  query SkillSearch($query: String, $first: Int!) {
    skills(query: $query, first: $first) {
      ...SkillOptionFields
    }
  }
`);

// A spelling the list does not show (an alias, full-width letters): what skill it stands for.
export const ResolveSkillQuery = graphql(`
  query ResolveSkill($name: String!) {
    resolveSkill(name: $name) {
      ...SkillOptionFields
    }
  }
`);

export const MunicipalitiesQuery = graphql(`
  query Municipalities($prefectureCode: String!) {
    municipalities(prefectureCode: $prefectureCode) {
      code
      name
      nameEn
      prefectureCode
    }
  }
`);
