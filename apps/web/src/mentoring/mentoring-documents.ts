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
  }
`);

// /council/mentoring: mentors with their free slots, the themes to name their expertise, and
// the organisations the reader may book for, in one request.
export const MentorsQuery = graphql(`
  query Mentors {
    mentors {
      ...MentorFields
    }
    themes {
      code
      name
      nameEn
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
