import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection, PageArgs } from '@tsunagu/core';
import { Actor } from '@tsunagu/identity';
import {
  AddMentoringFollowUpInput,
  AppointMentorInput,
  BookingService,
  BookMentoringSlotInput,
  CancelMentoringBookingInput,
  MentorConnection,
  MentorDeskType,
  MentoringBookingStatus,
  MentoringBookingType,
  MentoringSlotType,
  MentorProfileInput,
  MentorService,
  MentorType,
  PublishMentoringSlotInput,
  SetMentoringFollowUpDoneInput,
  toMentoringBookingType,
  toMentoringSlotType,
  toMentorType,
  WriteMentoringNotesInput,
} from '@tsunagu/mentoring';
import { Allow, Authenticated, Role, ServiceChecks } from '../auth/authorisation';
import { CurrentActor } from '../auth/current-actor.decorator';

const ID_ARG = { type: () => ID };

// The council's mentoring: mentors, slots, bookings, notes and follow-ups. Who acts on a slot or
// a session is the service's to check against the object.
@Resolver(() => MentorType)
export class MentoringResolver {
  constructor(
    private readonly mentorService: MentorService,
    private readonly bookings: BookingService,
  ) {}

  @Authenticated()
  @Query(() => MentorConnection, {
    description: 'Mentors, newest appointed first, each with their soonest free slots.',
  })
  async mentors(@Args() page: PageArgs): Promise<Connection<MentorType>> {
    return mapConnection(await this.mentorService.list(page), toMentorType);
  }

  @Authenticated()
  @Query(() => MentorDeskType, {
    nullable: true,
    description: 'Your profile, slots and sessions as a mentor; null when you are not one.',
  })
  async myMentorDesk(@CurrentActor() actor: Actor): Promise<MentorDeskType | null> {
    const mentor = await this.mentorService.findMine(actor);
    if (!mentor) return null;
    const [view, slots, sessions] = await Promise.all([
      this.mentorService.viewByUser(actor.userId),
      this.mentorService.deskSlots(mentor.id),
      this.bookings.forMentor(mentor.id),
    ]);
    const bookings = sessions.map((s) => toMentoringBookingType(s));
    const current = new Map(
      bookings.filter((b) => b.status === MentoringBookingStatus.BOOKED).map((b) => [b.slotId, b]),
    );
    return {
      mentor: toMentorType(view),
      slots: slots.map((s) => toMentoringSlotType(s, current.get(s.id) ?? null, true)),
      sessions: bookings,
    };
  }

  @ServiceChecks('mentoringMember')
  @Query(() => [MentoringBookingType], {
    description:
      "An organisation's mentoring sessions, latest first, with the mentor's notes and follow-ups. Its staff.",
  })
  async organizationMentoringSessions(
    @CurrentActor() actor: Actor,
    @Args('organizationId', ID_ARG) organizationId: string,
  ): Promise<MentoringBookingType[]> {
    return (await this.bookings.forOrganization(actor, organizationId)).map((v) =>
      toMentoringBookingType(v),
    );
  }

  @Allow(Role.PLATFORM_ADMIN)
  @Mutation(() => MentorType, {
    description: "Appoint the account with this address as a mentor, or update a mentor's profile.",
  })
  async appointMentor(
    @CurrentActor() actor: Actor,
    @Args('input') input: AppointMentorInput,
  ): Promise<MentorType> {
    return toMentorType(await this.mentorService.appoint(actor, input));
  }

  @ServiceChecks('mentor')
  @Mutation(() => MentorType, { description: 'Your mentor profile.' })
  async updateMyMentorProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: MentorProfileInput,
  ): Promise<MentorType> {
    return toMentorType(await this.mentorService.updateMine(actor, input));
  }

  @ServiceChecks('mentor')
  @Mutation(() => MentoringSlotType, {
    description: 'Offer a slot; never overlapping your own slots. Mentors.',
  })
  async publishMentoringSlot(
    @CurrentActor() actor: Actor,
    @Args('input') input: PublishMentoringSlotInput,
  ): Promise<MentoringSlotType> {
    return toMentoringSlotType(await this.mentorService.publishSlot(actor, input), null, true);
  }

  @ServiceChecks('mentor')
  @Mutation(() => MentoringSlotType, {
    description: 'Take a free slot of yours off the calendar. Mentors.',
  })
  async removeMentoringSlot(
    @CurrentActor() actor: Actor,
    @Args('slotId', ID_ARG) slotId: string,
  ): Promise<MentoringSlotType> {
    return toMentoringSlotType(await this.mentorService.removeSlot(actor, slotId), null, true);
  }

  @ServiceChecks('mentoringMember')
  @Mutation(() => MentoringBookingType, {
    description:
      'Book a free slot for your organisation, about a named initiative. One booking per slot; your organisation cannot hold overlapping sessions.',
  })
  async bookMentoringSlot(
    @CurrentActor() actor: Actor,
    @Args('input') input: BookMentoringSlotInput,
  ): Promise<MentoringBookingType> {
    return toMentoringBookingType(await this.bookings.book(actor, input));
  }

  @ServiceChecks('mentoringParty')
  @Mutation(() => MentoringBookingType, {
    description:
      'Cancel a session before it starts: the member free until 24 hours before (later is recorded as late), the mentor with a reason. The slot is free again.',
  })
  async cancelMentoringBooking(
    @CurrentActor() actor: Actor,
    @Args('input') input: CancelMentoringBookingInput,
  ): Promise<MentoringBookingType> {
    return toMentoringBookingType(await this.bookings.cancel(actor, input));
  }

  @ServiceChecks('mentor')
  @Mutation(() => MentoringBookingType, {
    description: "Your notes on a session in your slot, seen by the member's staff. Mentors.",
  })
  async writeMentoringNotes(
    @CurrentActor() actor: Actor,
    @Args('input') input: WriteMentoringNotesInput,
  ): Promise<MentoringBookingType> {
    return toMentoringBookingType(await this.bookings.writeNotes(actor, input));
  }

  @ServiceChecks('mentor')
  @Mutation(() => MentoringBookingType, {
    description: 'A follow-up for the member after a session in your slot. Mentors.',
  })
  async addMentoringFollowUp(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddMentoringFollowUpInput,
  ): Promise<MentoringBookingType> {
    return toMentoringBookingType(await this.bookings.addFollowUp(actor, input));
  }

  @ServiceChecks('mentoringParty')
  @Mutation(() => MentoringBookingType, {
    description: "Tick a session's follow-up done, or not. The member's staff or the mentor.",
  })
  async setMentoringFollowUpDone(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetMentoringFollowUpDoneInput,
  ): Promise<MentoringBookingType> {
    return toMentoringBookingType(await this.bookings.setFollowUpDone(actor, input));
  }
}
