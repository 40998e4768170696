import { graphql } from '../gql';

// A slot as members and mentors see it.
export const MentoringSlotFieldsFragment = graphql(`
  fragment MentoringSlotFields on MentoringSlot {
    id
    startsAt
    endsAt
    timeZone
    format
    place
    meetingUrl
    free
  }
`);

// A session with everything its card shows: the mentor's notes and follow-ups included.
export const MentoringBookingFieldsFragment = graphql(`
  fragment MentoringBookingFields on MentoringBooking {
    id
    slotId
    organization {
      id
      name
    }
    bookedByName
    mentorId
    mentorName
    initiativeTitle
    polish
    startsAt
    endsAt
    timeZone
    format
    place
    meetingUrl
    status
    cancelledBy
    cancelReason
    lateCancellation
    freeCancellation
    notes
    notesUpdatedAt
    followUps {
      id
      text
      dueOn
      doneAt
    }
  }
`);

export const MentorFieldsFragment = graphql(`
  fragment MentorFields on Mentor {
    id
    displayName
    bioJa
    bioEn
    themeCodes
    offersOnline
    offersOnSite
    freeSlots {
      ...MentoringSlotFields
    }
    freeSlotCount
  }
`);

// /council/mentoring and the admins' list: mentors a page at a time, newest appointed first, each
// with their soonest free slots and how many there are.
export const MentorsQuery = graphql(`
  query Mentors($first: Int!, $after: String) {
    mentors(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...MentorFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const BookMentoringSlotMutation = graphql(`
  mutation BookMentoringSlot($input: BookMentoringSlotInput!) {
    bookMentoringSlot(input: $input) {
      ...MentoringBookingFields
    }
  }
`);

export const OrganizationMentoringSessionsQuery = graphql(`
  query OrganizationMentoringSessions($organizationId: ID!) {
    organizationMentoringSessions(organizationId: $organizationId) {
      ...MentoringBookingFields
    }
  }
`);

export const CancelMentoringBookingMutation = graphql(`
  mutation CancelMentoringBooking($input: CancelMentoringBookingInput!) {
    cancelMentoringBooking(input: $input) {
      ...MentoringBookingFields
    }
  }
`);

export const SetMentoringFollowUpDoneMutation = graphql(`
  mutation SetMentoringFollowUpDone($input: SetMentoringFollowUpDoneInput!) {
    setMentoringFollowUpDone(input: $input) {
      ...MentoringBookingFields
    }
  }
`);

// /mentoring: the mentor's own page.
export const MyMentorDeskQuery = graphql(`
  query MyMentorDesk {
    myMentorDesk {
      mentor {
        ...MentorFields
      }
      slots {
        ...MentoringSlotFields
        booking {
          id
          organization {
            id
            name
          }
        }
      }
      sessions {
        ...MentoringBookingFields
      }
    }
  }
`);

export const UpdateMyMentorProfileMutation = graphql(`
  mutation UpdateMyMentorProfile($input: MentorProfileInput!) {
    updateMyMentorProfile(input: $input) {
      ...MentorFields
    }
  }
`);

export const PublishMentoringSlotMutation = graphql(`
  mutation PublishMentoringSlot($input: PublishMentoringSlotInput!) {
    publishMentoringSlot(input: $input) {
      ...MentoringSlotFields
    }
  }
`);

export const RemoveMentoringSlotMutation = graphql(`
  mutation RemoveMentoringSlot($slotId: ID!) {
    removeMentoringSlot(slotId: $slotId) {
      id
    }
  }
`);

export const WriteMentoringNotesMutation = graphql(`
  mutation WriteMentoringNotes($input: WriteMentoringNotesInput!) {
    writeMentoringNotes(input: $input) {
      ...MentoringBookingFields
    }
  }
`);

export const AddMentoringFollowUpMutation = graphql(`
  mutation AddMentoringFollowUp($input: AddMentoringFollowUpInput!) {
    addMentoringFollowUp(input: $input) {
      ...MentoringBookingFields
    }
  }
`);

// Admins: appoint (or update) a mentor.
export const AppointMentorMutation = graphql(`
  mutation AppointMentor($input: AppointMentorInput!) {
    appointMentor(input: $input) {
      ...MentorFields
    }
  }
`);
