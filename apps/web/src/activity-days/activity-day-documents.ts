import { graphql } from '../gql';

// What every view of an activity day shows.
export const ActivityDayFieldsFragment = graphql(`
  fragment ActivityDayFields on ActivityDay {
    id
    projectId
    status
    date
    startTime
    endTime
    startsAt
    endsAt
    places
    signedUpCount
    placesLeft
    signupClosesAt
    hours
    meetingPoint
    whatToBring
    noteJa
    noteEn
  }
`);

export const ActivityDaySignupFieldsFragment = graphql(`
  fragment ActivityDaySignupFields on ActivityDaySignup {
    id
    engagementId
    participantName
    status
    attended
    creditedHours
  }
`);

// The region's page: the project's days with everyone signed up.
export const ProjectActivityDaysQuery = graphql(`
  query ProjectActivityDays($projectId: ID!) {
    project(id: $projectId) {
      id
      title
      status
    }
    projectActivityDays(projectId: $projectId) {
      ...ActivityDayFields
      signups {
        ...ActivityDaySignupFields
      }
    }
  }
`);

// The engagement page: upcoming days and those the engagement signed up for.
export const EngagementActivityDaysQuery = graphql(`
  query EngagementActivityDays($engagementId: ID!) {
    engagementActivityDays(engagementId: $engagementId) {
      ...ActivityDayFields
      mySignup {
        ...ActivityDaySignupFields
      }
    }
  }
`);

export const PublishActivityDaysMutation = graphql(`
  mutation PublishActivityDays($input: PublishActivityDaysInput!) {
    publishActivityDays(input: $input) {
      ...ActivityDayFields
      signups {
        ...ActivityDaySignupFields
      }
    }
  }
`);

export const UpdateActivityDayMutation = graphql(`
  mutation UpdateActivityDay($input: UpdateActivityDayInput!) {
    updateActivityDay(input: $input) {
      ...ActivityDayFields
    }
  }
`);

export const CancelActivityDayMutation = graphql(`
  mutation CancelActivityDay($id: ID!) {
    cancelActivityDay(activityDayId: $id) {
      ...ActivityDayFields
    }
  }
`);

export const RecordActivityDayAttendanceMutation = graphql(`
  mutation RecordActivityDayAttendance($input: RecordActivityDayAttendanceInput!) {
    recordActivityDayAttendance(input: $input) {
      ...ActivityDayFields
      signups {
        ...ActivityDaySignupFields
      }
    }
  }
`);

export const SignUpForActivityDayMutation = graphql(`
  mutation SignUpForActivityDay($id: ID!) {
    signUpForActivityDay(activityDayId: $id) {
      ...ActivityDayFields
      mySignup {
        ...ActivityDaySignupFields
      }
    }
  }
`);

export const CancelActivityDaySignupMutation = graphql(`
  mutation CancelActivityDaySignup($id: ID!) {
    cancelActivityDaySignup(activityDayId: $id) {
      ...ActivityDayFields
      mySignup {
        ...ActivityDaySignupFields
      }
    }
  }
`);
