import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byNumber,
  ConflictReason,
  Connection,
  containsPattern,
  DomainEventPublisher,
  FieldProblem,
  JapanGeography,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { CohortService } from '@tsunagu/cohorts';
import { Program, Project, ProjectStatus } from '@tsunagu/projects';
import { Theme } from '@tsunagu/taxonomy';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { EVENT_CANCELLED } from './event-events';
import {
  CommunityEvent,
  EventFormat,
  EventKind,
  EventPresenter,
  EventRegistration,
  EventStatus,
} from './event.entities';
import type {
  CancelEventInput,
  CreateEventInput,
  EventFieldsInput,
  EventSearchFilter,
  SeedCohortFromEventInput,
  UpdateEventInput,
} from './event.types';
import { RegistrationRules } from './registration-rules';

export const DEFAULT_EVENT_TIME_ZONE = 'Asia/Tokyo';
// The platform's staff run the council's secretariat: its member events are the platform's.
const ORGANISER_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.INTERMEDIARY,
  OrganizationKind.REGION,
  OrganizationKind.PLATFORM,
];

// An event with what showing it needs; the mapping hides the meeting link from whoever may not
// see it (canManage or a registration holding a place).
export interface EventView {
  event: CommunityEvent & { organizer: Organization };
  presenters: Organization[];
  waitlistedCount: number;
  canManage: boolean;
}

// Events: the organiser's staff create, edit, publish and cancel them; everyone reads the
// published ones.
@Injectable()
export class EventService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly events: DomainEventPublisher,
    private readonly rules: RegistrationRules,
    private readonly cohorts: CohortService,
  ) {}

  async create(actor: Actor, input: CreateEventInput): Promise<EventView> {
    const organizer = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: input.organizerOrganizationId });
    if (!organizer) {
      throw AppError.invalidField(['input', 'organizerOrganizationId'], 'is not an organisation');
    }
    this.policy.assert(
      this.policy.canManageEventsOf(actor, organizer.id),
      "Only an intermediary's, a region's or the council secretariat's staff organise its events",
    );
    if (!ORGANISER_KINDS.includes(organizer.kind)) {
      throw AppError.invalidField(
        ['input', 'organizerOrganizationId'],
        'must be an intermediary, a region or the platform (the council secretariat)',
      );
    }
    const fields = normaliseFields(input);
    const draft: Partial<CommunityEvent> = {
      kind: EventKind.OTHER,
      timeZone: DEFAULT_EVENT_TIME_ZONE,
      themeCodes: [],
      audienceKinds: [],
      forCouncilMembers: false,
      titleEn: null,
      descriptionEn: null,
      meetingUrl: null,
      municipalityCode: null,
      venue: null,
      capacity: null,
      ...fields,
    };
    await this.check(this.dataSource.manager, draft, input, true);
    const id = await this.dataSource.transaction(async (m) => {
      const inserted = await m.getRepository(CommunityEvent).insert({
        ...draft,
        prefectureCode: draft.municipalityCode?.slice(0, 2) ?? null,
        organizerOrganizationId: organizer.id,
        createdById: actor.userId,
      });
      const eventId = (inserted.identifiers[0] as { id: string }).id;
      await this.setPresenters(m, eventId, input.presentingRegionIds);
      return eventId;
    });
    return this.view(actor, id);
  }

  // Drafts and published events; a cancelled one is final. A published event's times may move
  // (reminders follow) and its capacity may grow (the waiting list moves up) or shrink down to
  // the places already taken.
  async update(actor: Actor, input: UpdateEventInput): Promise<EventView> {
    await this.dataSource.transaction(async (m) => {
      const event = await this.staffEvent(m, actor, input.eventId, true);
      if (event.status === EventStatus.CANCELLED) {
        throw AppError.conflict(ConflictReason.WRONG_STATUS, 'A cancelled event cannot change');
      }
      const changes = normaliseFields(input);
      const next: CommunityEvent = { ...event, ...changes };
      await this.check(m, next, input, event.status === EventStatus.DRAFT || 'startsAt' in changes);
      if (next.capacity !== null && next.capacity < event.registeredCount) {
        throw AppError.conflictField(
          ConflictReason.CAPACITY_BELOW_SEATS_HELD,
          ['input', 'capacity'],
          `must be at least the ${event.registeredCount} places already taken`,
        );
      }
      await m
        .getRepository(CommunityEvent)
        .update(
          { id: event.id },
          { ...changes, prefectureCode: next.municipalityCode?.slice(0, 2) ?? null },
        );
      if (input.presentingRegionIds) {
        await m.delete(EventPresenter, { eventId: event.id });
        await this.setPresenters(m, event.id, input.presentingRegionIds);
      }
      if (event.status === EventStatus.PUBLISHED) {
        if (changes.startsAt && changes.startsAt.getTime() !== event.startsAt.getTime()) {
          await this.rules.rescheduleReminders(m, event.id, changes.startsAt);
        }
        await this.rules.promote(m, event.id);
      }
    });
    return this.view(actor, input.eventId);
  }

  async publish(actor: Actor, eventId: string): Promise<EventView> {
    await this.dataSource.transaction(async (m) => {
      const event = await this.staffEvent(m, actor, eventId, true);
      if (event.status !== EventStatus.DRAFT) {
        throw AppError.conflict(
          ConflictReason.INVALID_TRANSITION,
          `This event is ${event.status}: only drafts are published`,
        );
      }
      if (event.startsAt.getTime() <= Date.now()) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'This event has already started: move its start into the future first',
        );
      }
      await m
        .getRepository(CommunityEvent)
        .update({ id: eventId }, { status: EventStatus.PUBLISHED, publishedAt: new Date() });
    });
    return this.view(actor, eventId);
  }

  // Registrants (and those waiting) hear of it, with the reason; their reminders are dropped.
  async cancel(actor: Actor, input: CancelEventInput): Promise<EventView> {
    const { eventId, reason } = input;
    await this.dataSource.transaction(async (m) => {
      const event = await this.staffEvent(m, actor, eventId, true);
      if (event.status === EventStatus.CANCELLED) {
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'This event is already cancelled');
      }
      await m.getRepository(CommunityEvent).update(
        { id: eventId },
        {
          status: EventStatus.CANCELLED,
          cancelledAt: new Date(),
          cancellationReason: reason,
        },
      );
      if (event.status === EventStatus.PUBLISHED) {
        await this.rules.dropReminders(m, eventId);
        await this.events.publish(m, EVENT_CANCELLED, { eventId }, [eventId]);
      }
    });
    return this.view(actor, eventId);
  }

  // A matching seminar that has taken place seeds one cohort of a program of its intermediary:
  // those who attended become its members and the presenting regions' published projects its
  // projects (each only if the intermediary may take it). Under the event's lock, once.
  async seedCohort(actor: Actor, input: SeedCohortFromEventInput): Promise<EventView> {
    await this.dataSource.transaction(async (m) => {
      const event = await this.staffEvent(m, actor, input.eventId, true);
      const program = await m.getRepository(Program).findOneBy({ id: input.programId });
      if (!program || !this.policy.canManageCohorts(actor, program.intermediaryOrganizationId)) {
        throw AppError.invalidField(
          ['input', 'programId'],
          'is not a program of your intermediary',
        );
      }
      if (event.kind !== EventKind.MATCHING_SEMINAR) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'Only a matching seminar seeds a cohort',
        );
      }
      if (event.status !== EventStatus.PUBLISHED || event.startsAt.getTime() > Date.now()) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          'A cohort is seeded once the seminar has taken place and attendance is taken',
        );
      }
      if (event.cohortId) {
        throw AppError.conflict(
          ConflictReason.ALREADY_DONE,
          'This seminar already seeded a cohort',
        );
      }
      const attendees = await m.getRepository(EventRegistration).find({
        where: { eventId: event.id, attended: true },
        select: { userId: true },
      });
      const presenters = await m.getRepository(EventPresenter).findBy({ eventId: event.id });
      const projects = presenters.length
        ? await m.getRepository(Project).find({
            where: {
              regionOrganizationId: In(presenters.map((p) => p.regionOrganizationId)),
              status: ProjectStatus.PUBLISHED,
            },
            select: { id: true },
          })
        : [];
      const cohortId = await this.cohorts.seed(m, actor, {
        programId: input.programId,
        name: input.name,
        participantIds: attendees.map((a) => a.userId),
        projectIds: projects.map((p) => p.id),
      });
      await m.getRepository(CommunityEvent).update({ id: event.id }, { cohortId });
    });
    return this.view(actor, input.eventId);
  }

  // Published and cancelled events for everyone; drafts for the organiser's staff only.
  async view(actor: Actor | undefined, eventId: string): Promise<EventView> {
    const [view] = await this.viewMany(actor, [eventId]);
    if (!view) throw AppError.notFound('Event', eventId);
    return view;
  }

  // Several events in the order asked, in a fixed number of statements whatever their number;
  // those the actor may not see (a missing id, another organiser's draft) are left out.
  async viewMany(actor: Actor | undefined, eventIds: readonly string[]): Promise<EventView[]> {
    if (eventIds.length === 0) return [];
    const events = await this.dataSource
      .getRepository(CommunityEvent)
      .find({ where: { id: In([...eventIds]) }, relations: { organizer: true } });
    const byId = new Map(events.map((e) => [e.id, e]));
    const visible = eventIds
      .map((id) => byId.get(id))
      .filter(
        (event): event is EventView['event'] =>
          !!event &&
          (event.status !== EventStatus.DRAFT ||
            (!!actor && this.policy.canManageEventsOf(actor, event.organizerOrganizationId))),
      );
    return this.viewsOf(actor, visible);
  }

  // Published events, soonest first: by default those not yet over.
  async search(
    actor: Actor | undefined,
    filter: EventSearchFilter,
    page: Page,
  ): Promise<Connection<EventView>> {
    const qb = this.dataSource
      .getRepository(CommunityEvent)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.organizer', 'organizer')
      .where('e.status = :status', { status: EventStatus.PUBLISHED });
    // Calendar days are Japan's, the platform's reference, whatever the events' own zones.
    if (filter.from) {
      qb.andWhere(`e.startsAt >= (:from::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`, {
        from: filter.from,
      });
    } else {
      qb.andWhere('e.endsAt > now()');
    }
    if (filter.to) {
      qb.andWhere(`e.startsAt < ((:to::date) + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'`, {
        to: filter.to,
      });
    }
    if (filter.prefectureCode) {
      qb.andWhere('e.prefectureCode = :prefectureCode', { prefectureCode: filter.prefectureCode });
    }
    if (filter.themeCode) {
      qb.andWhere(':themeCode = ANY(e.themeCodes)', { themeCode: filter.themeCode });
    }
    if (filter.format) qb.andWhere('e.format = :format', { format: filter.format });
    if (filter.forCouncilMembers !== undefined && filter.forCouncilMembers !== null) {
      qb.andWhere('e.forCouncilMembers = :members', { members: filter.forCouncilMembers });
    }
    return this.page(actor, qb, page);
  }

  // Every event of the organisation, drafts and cancelled ones included, for its staff.
  async forOrganization(
    actor: Actor,
    organizationId: string,
    page: Page,
  ): Promise<Connection<EventView>> {
    if (!this.policy.canManageEventsOf(actor, organizationId)) {
      throw AppError.notFound('Organization', organizationId);
    }
    const qb = this.dataSource
      .getRepository(CommunityEvent)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.organizer', 'organizer')
      .where('e.organizerOrganizationId = :organizationId', { organizationId });
    return this.page(actor, qb, page);
  }

  // Regions the organiser's staff may name as presenting: by part of the organisation's or its
  // municipality's name (kanji, kana or romaji), in municipality code order (north to south).
  async presentingRegionCandidates(
    actor: Actor,
    organizationId: string,
    filter: { query?: string; prefectureCode?: string },
    page: Page,
  ): Promise<Connection<Organization>> {
    if (!this.policy.canManageEventsOf(actor, organizationId)) {
      throw AppError.notFound('Organization', organizationId);
    }
    const qb = this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.kind = :kind', { kind: OrganizationKind.REGION });
    const query = filter.query?.trim();
    if (query) {
      const needle = query.toLowerCase();
      const codes = [...JapanGeography.get().municipalities.values()]
        .filter((mu) =>
          [mu.nameJa, mu.nameKana, mu.nameEn].some((n) => n.toLowerCase().includes(needle)),
        )
        .map((mu) => mu.code);
      qb.andWhere('(o.name ILIKE :pattern OR o.municipalityCode = ANY(:codes))', {
        pattern: containsPattern(query),
        codes,
      });
    }
    if (filter.prefectureCode) {
      qb.andWhere('o.prefectureCode = :prefectureCode', { prefectureCode: filter.prefectureCode });
    }
    // Keys sort descending: the negated code puts the northernmost first.
    return paginateKeyset(qb, {
      ...page,
      keys: [byNumber("-COALESCE(o.municipality_code, '999999')::int"), byId('o.id')],
    });
  }

  // The event for a staff operation, optionally row-locked; anyone else learns nothing of it.
  async staffEvent(
    m: EntityManager,
    actor: Actor,
    eventId: string,
    lock = false,
  ): Promise<CommunityEvent> {
    const qb = m.getRepository(CommunityEvent).createQueryBuilder('e').where('e.id = :eventId', {
      eventId,
    });
    if (lock) qb.setLock('pessimistic_write');
    const event = await qb.getOne();
    if (!event || !this.policy.canManageEventsOf(actor, event.organizerOrganizationId)) {
      if (event && event.status !== EventStatus.DRAFT) {
        throw AppError.forbidden("Only the organiser's staff manage an event");
      }
      throw AppError.notFound('Event', eventId);
    }
    return event;
  }

  private async page(
    actor: Actor | undefined,
    qb: SelectQueryBuilder<CommunityEvent>,
    page: Page,
  ): Promise<Connection<EventView>> {
    // Keys sort descending: the negated start puts the soonest first.
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byNumber('-EXTRACT(EPOCH FROM e.starts_at)'), byId('e.id')],
    });
    const views = await this.viewsOf(
      actor,
      connection.edges.map((edge) => edge.node as EventView['event']),
    );
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.map((edge, i) => ({ cursor: edge.cursor, node: views[i] })),
    };
  }

  // Presenters and waiting counts of a page of events in two queries, whatever its length.
  private async viewsOf(
    actor: Actor | undefined,
    events: Array<EventView['event']>,
  ): Promise<EventView[]> {
    const ids = events.map((e) => e.id);
    if (ids.length === 0) return [];
    const [presenters, waiting] = await Promise.all([
      this.dataSource
        .getRepository(EventPresenter)
        .find({ where: { eventId: In(ids) }, relations: { region: true } }),
      this.dataSource.query<Array<{ event_id: string; count: number }>>(
        `SELECT event_id, count(*)::int AS count FROM event_registration
          WHERE event_id = ANY($1) AND status = 'WAITLISTED' GROUP BY event_id`,
        [ids],
      ),
    ]);
    const waitingOf = new Map(waiting.map((w) => [w.event_id, w.count]));
    return events.map((event) => ({
      event,
      presenters: presenters
        .filter((p) => p.eventId === event.id)
        .map((p) => p.region!)
        .sort((a, b) => a.name.localeCompare(b.name)),
      waitlistedCount: waitingOf.get(event.id) ?? 0,
      canManage: !!actor && this.policy.canManageEventsOf(actor, event.organizerOrganizationId),
    }));
  }

  private async setPresenters(
    m: EntityManager,
    eventId: string,
    regionIds: string[] | undefined,
  ): Promise<void> {
    if (!regionIds?.length) return;
    await m.insert(
      EventPresenter,
      regionIds.map((regionOrganizationId) => ({ eventId, regionOrganizationId })),
    );
  }

  // The rules the fields must keep together, each problem on its field. `future`: the start must
  // lie ahead (a new event, a draft, or a start being moved).
  private async check(
    m: EntityManager,
    event: Partial<CommunityEvent>,
    input: EventFieldsInput,
    future: boolean,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    const at = (field: string) => ['input', field];
    const need = (field: keyof CommunityEvent, message: string) => {
      const value = event[field];
      if (value === null || value === undefined) problems.push({ path: at(field), message });
    };
    need('format', 'is required');
    need('titleJa', 'is required');
    need('descriptionJa', 'is required');
    need('startsAt', 'is required');
    need('endsAt', 'is required');
    if (event.format && event.format !== EventFormat.ONLINE) {
      need('municipalityCode', 'is required for an on-site event');
      need('venue', 'is required for an on-site event');
      need('capacity', 'is required for an on-site event');
    }
    if (event.format && event.format !== EventFormat.ON_SITE) {
      need('meetingUrl', 'is required for an online event');
    }
    if (event.venue !== null && event.venue !== undefined && event.venue.length < 2) {
      problems.push({ path: at('venue'), message: 'must be 2 to 300 characters' });
    }
    if (event.municipalityCode && !JapanGeography.get().municipality(event.municipalityCode)) {
      problems.push({ path: at('municipalityCode'), message: 'is not a municipality' });
    }
    if (event.startsAt && event.endsAt && event.endsAt <= event.startsAt) {
      problems.push({ path: at('endsAt'), message: 'must be after the start' });
    }
    // A member event is for organisations' staff, who need not be participants of any kind.
    if (event.forCouncilMembers && event.audienceKinds?.length) {
      problems.push({
        path: at('audienceKinds'),
        message: "must be empty for the council's member event",
      });
    }
    if (future && event.startsAt && event.startsAt.getTime() <= Date.now()) {
      problems.push({ path: at('startsAt'), message: 'must be in the future' });
    }
    if (input.themeCodes?.length) {
      const known = new Set(
        (await m.getRepository(Theme).findBy({ code: In(input.themeCodes) })).map((t) => t.code),
      );
      input.themeCodes.forEach((code, i) => {
        if (!known.has(code)) {
          problems.push({ path: ['input', 'themeCodes', String(i)], message: 'is not a theme' });
        }
      });
    }
    if (input.presentingRegionIds?.length) {
      const regions = new Set(
        (
          await m.getRepository(Organization).findBy({
            id: In(input.presentingRegionIds),
            kind: OrganizationKind.REGION,
          })
        ).map((o) => o.id),
      );
      input.presentingRegionIds.forEach((id, i) => {
        if (!regions.has(id)) {
          problems.push({
            path: ['input', 'presentingRegionIds', String(i)],
            message: 'is not a region',
          });
        }
      });
    }
    if (problems.length) throw AppError.invalidFields(problems);
  }
}

// Fields the database gives a default: null leaves them as they are.
const DEFAULTED: ReadonlySet<string> = new Set([
  'kind',
  'timeZone',
  'themeCodes',
  'audienceKinds',
  'forCouncilMembers',
]);

// The input's fields that were given, with empty optional texts stored as null.
function normaliseFields(input: EventFieldsInput): Partial<CommunityEvent> {
  const out: Partial<CommunityEvent> = {};
  const keys = [
    'kind',
    'format',
    'titleJa',
    'titleEn',
    'descriptionJa',
    'descriptionEn',
    'themeCodes',
    'audienceKinds',
    'forCouncilMembers',
    'startsAt',
    'endsAt',
    'timeZone',
    'meetingUrl',
    'municipalityCode',
    'venue',
    'capacity',
  ] as const;
  for (const key of keys) {
    const value = input[key];
    if (value === undefined || (value === null && DEFAULTED.has(key))) continue;
    (out as Record<string, unknown>)[key] = value === '' ? null : value;
  }
  // An online event has no place; an on-site one no link.
  if (out.format === EventFormat.ONLINE) {
    out.municipalityCode = null;
    out.venue = null;
  }
  if (out.format === EventFormat.ON_SITE) out.meetingUrl = null;
  return out;
}
