import { graphql } from '../gql';

// A registration as the registrant and the organiser see it.
export const EventRegistrationFieldsFragment = graphql(`
  fragment EventRegistrationFields on EventRegistration {
    id
    eventId
    status
    waitlistPosition
    attended
    displayName
    requestedAt
    calendarPath
    guardianConsent {
      ...GuardianConsentState
    }
  }
`);

// An event as its card and its page show it, with the reader's own registration.
export const EventSummaryFragment = graphql(`
  fragment EventSummary on CommunityEvent {
    id
    kind
    format
    status
    titleJa
    titleEn
    startsAt
    endsAt
    timeZone
    capacity
    registeredCount
    waitlistedCount
    themeCodes
    forCouncilMembers
    canManage
    organizer {
      id
      name
    }
    place {
      venue
      municipality {
        code
        name
        nameEn
        prefectureCode
      }
    }
    myRegistration {
      ...EventRegistrationFields
    }
  }
`);

export const EventSearchQuery = graphql(`
  query EventSearch($filter: EventSearchFilter, $first: Int!, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...EventSummary
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const EventQuery = graphql(`
  query Event($id: ID!) {
    event(id: $id) {
      ...EventSummary
      descriptionJa
      descriptionEn
      audienceKinds
      meetingUrl
      cohortId
      cancelledAt
      publishedAt
      presentingRegions {
        id
        name
      }
    }
  }
`);

export const MyEventsQuery = graphql(`
  query MyEvents {
    myEvents {
      ...EventSummary
    }
  }
`);

// The event comes back with the registration so its counts and the reader's state refresh.
export const RegisterForEventMutation = graphql(`
  mutation RegisterForEvent($eventId: ID!) {
    registerForEvent(eventId: $eventId) {
      ...EventRegistrationFields
    }
  }
`);

export const CancelEventRegistrationMutation = graphql(`
  mutation CancelEventRegistration($eventId: ID!) {
    cancelEventRegistration(eventId: $eventId) {
      ...EventRegistrationFields
    }
  }
`);

// The organiser's side: everything the form edits, and the event's registrations.
export const ManagedEventFieldsFragment = graphql(`
  fragment ManagedEventFields on CommunityEvent {
    ...EventSummary
    descriptionJa
    descriptionEn
    audienceKinds
    meetingUrl
    cohortId
    publishedAt
    cancelledAt
    presentingRegions {
      id
      name
    }
  }
`);

export const OrganizationEventsQuery = graphql(`
  query OrganizationEvents($organizationId: ID!, $first: Int!, $after: String) {
    organizationEvents(organizationId: $organizationId, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...EventSummary
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const ManagedEventQuery = graphql(`
  query ManagedEvent($id: ID!) {
    event(id: $id) {
      ...ManagedEventFields
    }
  }
`);

export const EventRegistrationsQuery = graphql(`
  query EventRegistrations($eventId: ID!) {
    eventRegistrations(eventId: $eventId) {
      ...EventRegistrationFields
    }
  }
`);

export const CreateEventMutation = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      ...ManagedEventFields
    }
  }
`);

export const UpdateEventMutation = graphql(`
  mutation UpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      ...ManagedEventFields
    }
  }
`);

export const PublishEventMutation = graphql(`
  mutation PublishEvent($id: ID!) {
    publishEvent(id: $id) {
      ...ManagedEventFields
    }
  }
`);

export const CancelEventMutation = graphql(`
  mutation CancelEvent($id: ID!) {
    cancelEvent(id: $id) {
      ...ManagedEventFields
    }
  }
`);

export const RecordEventAttendanceMutation = graphql(`
  mutation RecordEventAttendance($input: RecordEventAttendanceInput!) {
    recordEventAttendance(input: $input) {
      ...EventRegistrationFields
    }
  }
`);

export const SeedCohortFromEventMutation = graphql(`
  mutation SeedCohortFromEvent($input: SeedCohortFromEventInput!) {
    seedCohortFromEvent(input: $input) {
      ...ManagedEventFields
    }
  }
`);
