import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, mapConnection } from '@tsunagu/core';
import {
  CancelEventInput,
  CommunityEventConnection,
  CommunityEventType,
  CreateEventInput,
  EventRegistrationType,
  EventSearchArgs,
  EventService,
  EventView,
  OrganizationEventsArgs,
  PresentingRegionSearchArgs,
  RecordEventAttendanceInput,
  RegistrationService,
  SeedCohortFromEventInput,
  toCommunityEventType,
  toEventRegistrationType,
  UpdateEventInput,
} from '@tsunagu/events';
import {
  Actor,
  OrganizationConnection,
  OrganizationType,
  toOrganizationType,
} from '@tsunagu/identity';
import { Authenticated, Public, ServiceChecks } from '../auth/authorisation';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';

const ID_ARG = { type: () => ID };

// Events and registrations. Staff operations are the service's to refuse: a draft's existence is
// not confirmed to anyone outside the organiser.
@Resolver(() => CommunityEventType)
export class EventResolver {
  constructor(
    private readonly eventService: EventService,
    private readonly registrations: RegistrationService,
  ) {}

  @Public()
  @Query(() => CommunityEventConnection, {
    description:
      'Published events, soonest first (by default those not over yet); by date range, prefecture, theme and format.',
  })
  async events(
    @OptionalActor() actor: Actor | undefined,
    @Args() args: EventSearchArgs,
  ): Promise<Connection<CommunityEventType>> {
    return this.withMine(actor, await this.eventService.search(actor, args.filter ?? {}, args));
  }

  @Public()
  @Query(() => CommunityEventType, {
    description: "A published or cancelled event; a draft for the organiser's staff only.",
  })
  async event(
    @OptionalActor() actor: Actor | undefined,
    @Args('id', ID_ARG) id: string,
  ): Promise<CommunityEventType> {
    return this.one(actor, await this.eventService.view(actor, id));
  }

  @ServiceChecks('eventOrganizer')
  @Query(() => CommunityEventConnection, {
    description: "An organisation's events, drafts included, latest start first. Its staff.",
  })
  async organizationEvents(
    @CurrentActor() actor: Actor,
    @Args() args: OrganizationEventsArgs,
  ): Promise<Connection<CommunityEventType>> {
    return this.withMine(
      actor,
      await this.eventService.forOrganization(actor, args.organizationId, args),
    );
  }

  @ServiceChecks('eventOrganizer')
  @Query(() => OrganizationConnection, {
    description:
      "Regions an organiser may name as presenting at its events, by name or municipality and prefecture, in municipality code order. The organiser's staff.",
  })
  async presentingRegionCandidates(
    @CurrentActor() actor: Actor,
    @Args() args: PresentingRegionSearchArgs,
  ): Promise<Connection<OrganizationType>> {
    const { organizationId, query, prefectureCode, first, after } = args;
    return mapConnection(
      await this.eventService.presentingRegionCandidates(
        actor,
        organizationId,
        { query, prefectureCode },
        { first, after },
      ),
      toOrganizationType,
    );
  }

  @Authenticated()
  @Query(() => [CommunityEventType], {
    description: 'Events you registered for or wait for (not cancelled), soonest first.',
  })
  async myEvents(@CurrentActor() actor: Actor): Promise<CommunityEventType[]> {
    const ids = await this.registrations.mine(actor);
    const [mine, views] = await Promise.all([
      this.registrations.mineFor(actor, ids),
      this.eventService.viewMany(actor, ids),
    ]);
    return views.map((view) => toCommunityEventType(view, mine.get(view.event.id) ?? null));
  }

  @ServiceChecks('eventOrganizer')
  @Query(() => [EventRegistrationType], {
    description:
      "Everyone registered: places first, then the waiting list in order, then cancellations. The organiser's staff.",
  })
  async eventRegistrations(
    @CurrentActor() actor: Actor,
    @Args('eventId', ID_ARG) eventId: string,
  ): Promise<EventRegistrationType[]> {
    return (await this.registrations.forEvent(actor, eventId)).map(toEventRegistrationType);
  }

  @ServiceChecks('eventOrganizer')
  @Mutation(() => CommunityEventType, {
    description: 'A draft event of an intermediary or region. Its staff.',
  })
  async createEvent(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateEventInput,
  ): Promise<CommunityEventType> {
    return this.one(actor, await this.eventService.create(actor, input));
  }

  @ServiceChecks('eventOrganizer')
  @Mutation(() => CommunityEventType, {
    description:
      "Change a draft or published event; a larger capacity moves the waiting list up. The organiser's staff.",
  })
  async updateEvent(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateEventInput,
  ): Promise<CommunityEventType> {
    return this.one(actor, await this.eventService.update(actor, input));
  }

  @ServiceChecks('eventOrganizer')
  @Mutation(() => CommunityEventType, {
    description: "Open a draft to everyone. The organiser's staff.",
  })
  async publishEvent(
    @CurrentActor() actor: Actor,
    @Args('id', ID_ARG) id: string,
  ): Promise<CommunityEventType> {
    return this.one(actor, await this.eventService.publish(actor, id));
  }

  @ServiceChecks('eventOrganizer')
  @Mutation(() => CommunityEventType, {
    description:
      "Call the event off with a reason, kept on the event; registrants hear of it and why. The organiser's staff.",
  })
  async cancelEvent(
    @CurrentActor() actor: Actor,
    @Args('input') input: CancelEventInput,
  ): Promise<CommunityEventType> {
    return this.one(actor, await this.eventService.cancel(actor, input));
  }

  @ServiceChecks('eventRegistrant')
  @Mutation(() => EventRegistrationType, {
    description: 'A place if one is free, else the waiting list. Before the event starts.',
  })
  async registerForEvent(
    @CurrentActor() actor: Actor,
    @Args('eventId', ID_ARG) eventId: string,
  ): Promise<EventRegistrationType> {
    return toEventRegistrationType(await this.registrations.register(actor, eventId));
  }

  @ServiceChecks('eventRegistrant')
  @Mutation(() => EventRegistrationType, {
    description:
      'Cancel your registration before the event starts; your place goes to the first one waiting.',
  })
  async cancelEventRegistration(
    @CurrentActor() actor: Actor,
    @Args('eventId', ID_ARG) eventId: string,
  ): Promise<EventRegistrationType> {
    return toEventRegistrationType(await this.registrations.cancel(actor, eventId));
  }

  @ServiceChecks('eventOrganizer')
  @Mutation(() => [EventRegistrationType], {
    description: "Attendance, once the event has started. The organiser's staff.",
  })
  async recordEventAttendance(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordEventAttendanceInput,
  ): Promise<EventRegistrationType[]> {
    return (await this.registrations.recordAttendance(actor, input.eventId, input.entries)).map(
      toEventRegistrationType,
    );
  }

  @ServiceChecks('eventOrganizer')
  @Mutation(() => CommunityEventType, {
    description:
      "A matching seminar that took place seeds a cohort of the intermediary's program: attendees become its members, the presenting regions' published projects its projects. Once; the organiser's staff.",
  })
  async seedCohortFromEvent(
    @CurrentActor() actor: Actor,
    @Args('input') input: SeedCohortFromEventInput,
  ): Promise<CommunityEventType> {
    return this.one(actor, await this.eventService.seedCohort(actor, input));
  }

  private async one(actor: Actor | undefined, view: EventView): Promise<CommunityEventType> {
    const mine = await this.registrations.mineFor(actor, [view.event.id]);
    return toCommunityEventType(view, mine.get(view.event.id) ?? null);
  }

  // The viewer's registrations of a page of events in one query.
  private async withMine(
    actor: Actor | undefined,
    page: Connection<EventView>,
  ): Promise<Connection<CommunityEventType>> {
    const mine = await this.registrations.mineFor(
      actor,
      page.edges.map((e) => e.node.event.id),
    );
    return {
      pageInfo: page.pageInfo,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: toCommunityEventType(e.node, mine.get(e.node.event.id) ?? null),
      })),
    };
  }
}
