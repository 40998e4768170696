import { RegistrationService, reminderTimes } from '@tsunagu/events';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// Events through GraphQL against real PostgreSQL and Redis: the organiser's lifecycle, search,
// registration with a waiting list (also under a burst larger than the pool), reminders in each
// registrant's time zone, attendance and calendar files.

jest.setTimeout(180_000);

const EVENT_FIELDS = `id status kind format titleJa titleEn startsAt endsAt timeZone capacity
  registeredCount waitlistedCount meetingUrl canManage themeCodes audienceKinds forCouncilMembers
  place { municipality { code name } venue } organizer { id name }
  presentingRegions { id }
  myRegistration { id status waitlistPosition calendarPath }`;
const REGISTRATION_FIELDS = `id eventId status waitlistPosition displayName attended calendarPath
  promotedAt`;
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { ${EVENT_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishEvent(id: $id) { ${EVENT_FIELDS} } }`;
const CANCEL_EVENT = `mutation($input: CancelEventInput!) {
  cancelEvent(input: $input) { ${EVENT_FIELDS} cancelledAt cancellationReason } }`;
const cancelInput = (eventId: string, reason = '講師の急病のため中止します。') => ({
  input: { eventId, reason },
});
const EVENT = `query($id: ID!) { event(id: $id) { ${EVENT_FIELDS} } }`;
const SEARCH = `query($filter: EventSearchFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    edges { node { id titleJa } } pageInfo { hasNextPage endCursor } } }`;
const ORG_EVENTS = `query($organizationId: ID!) {
  organizationEvents(organizationId: $organizationId) { edges { node { id status } } } }`;
const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { ${REGISTRATION_FIELDS} } }`;
const UNREGISTER = `mutation($eventId: ID!) {
  cancelEventRegistration(eventId: $eventId) { ${REGISTRATION_FIELDS} } }`;
const REGISTRATIONS = `query($eventId: ID!) { eventRegistrations(eventId: $eventId) { ${REGISTRATION_FIELDS} } }`;
const ATTENDANCE = `mutation($input: RecordEventAttendanceInput!) {
  recordEventAttendance(input: $input) { ${REGISTRATION_FIELDS} } }`;
const MY_EVENTS = `query { myEvents { id myRegistration { status } } }`;
const CANDIDATES = `query($organizationId: ID!, $query: String, $prefectureCode: String, $first: Int,
  $after: String) {
  presentingRegionCandidates(organizationId: $organizationId, query: $query,
    prefectureCode: $prefectureCode, first: $first, after: $after) {
    edges { node { id name kind } } pageInfo { hasNextPage endCursor } } }`;
const SETTINGS = `mutation($input: MySettingsInput!) { updateMySettings(input: $input) { id } }`;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * HOUR);

describe('events', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let hub: Person;
  let hubId: string;
  let regionStaff: Person;
  let regionId: string;
  let stranger: Person;
  let counter = 0;

  const gql = (query: string, variables: Record<string, unknown>, who?: Person) =>
    platform.gql(query, variables, who?.token);
  const data = async (query: string, variables: Record<string, unknown>, who?: Person) =>
    Object.values(expectData(await gql(query, variables, who)))[0] as any;

  const onlineInput = (overrides: Record<string, unknown> = {}) => ({
    organizerOrganizationId: hubId,
    kind: 'WORKSHOP',
    format: 'ONLINE',
    titleJa: `オンライン交流会 ${++counter}`,
    descriptionJa: '地域の方とオンラインで話しましょう。',
    meetingUrl: 'https://meet.example.jp/room-1',
    startsAt: inDays(10).toISOString(),
    endsAt: inDays(10, 2).toISOString(),
    ...overrides,
  });
  const published = async (overrides: Record<string, unknown> = {}, who = hub) => {
    const created = await data(CREATE, { input: onlineInput(overrides) }, who);
    return data(PUBLISH, { id: created.id }, who);
  };
  const register = (who: Person, eventId: string) => gql(REGISTER, { eventId }, who);
  const participants = (label: string, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => f.participant(`${label}-${i}`)));

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    admin = await f.admin();
    [hub, regionStaff, stranger] = await Promise.all([
      f.signUp('iwate-hub'),
      f.signUp('ichinoseki'),
      f.signUp('stranger'),
    ]);
    hubId = await f.intermediary(admin, { prefectureCodes: ['03'] }, [hub]);
    regionId = await f.region(admin, '032093', [regionStaff]);
  });

  afterAll(() => platform.close());

  it('lets the organiser draft, check, publish and cancel; drafts stay hidden', async () => {
    const bad = rejection(
      await gql(
        CREATE,
        {
          input: onlineInput({
            format: 'HYBRID',
            meetingUrl: null,
            endsAt: inDays(9).toISOString(),
            themeCodes: ['nothing-such'],
          }),
        },
        hub,
      ),
    );
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fields!.map((p) => p.path.join('.')).sort()).toEqual([
      'input.capacity',
      'input.endsAt',
      'input.meetingUrl',
      'input.municipalityCode',
      'input.themeCodes.0',
      'input.venue',
    ]);
    const notHttps = rejection(
      await gql(CREATE, { input: onlineInput({ meetingUrl: 'javascript:alert(1)' }) }, hub),
    );
    expect(notHttps.extensions.fields![0].path).toEqual(['input', 'meetingUrl']);
    // Someone on no organiser's staff, and a stranger naming the intermediary.
    const foreign = rejection(await gql(CREATE, { input: onlineInput() }, stranger));
    expect(foreign.extensions.code).toBe('FORBIDDEN');

    const draft = await data(
      CREATE,
      {
        input: onlineInput({
          kind: 'MATCHING_SEMINAR',
          format: 'HYBRID',
          titleEn: 'Ichinoseki matching seminar',
          municipalityCode: '032093',
          venue: '一関市役所 大会議室',
          capacity: 30,
          themeCodes: ['work'],
          presentingRegionIds: [regionId],
        }),
      },
      hub,
    );
    expect(draft).toMatchObject({
      status: 'DRAFT',
      canManage: true,
      meetingUrl: 'https://meet.example.jp/room-1',
      place: { municipality: { code: '032093' }, venue: '一関市役所 大会議室' },
      presentingRegions: [{ id: regionId }],
      timeZone: 'Asia/Tokyo',
    });
    expect(rejection(await gql(EVENT, { id: draft.id }, stranger)).extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(rejection(await gql(EVENT, { id: draft.id })).extensions.code).toBe('NOT_FOUND');
    expect(rejection(await gql(PUBLISH, { id: draft.id }, regionStaff)).extensions.code).toBe(
      'NOT_FOUND',
    );

    const open = await data(PUBLISH, { id: draft.id }, hub);
    expect(open.status).toBe('PUBLISHED');
    const seen = await data(EVENT, { id: draft.id });
    // The link is for registrants only.
    expect(seen).toMatchObject({ status: 'PUBLISHED', canManage: false, meetingUrl: null });
    expect(rejection(await gql(PUBLISH, { id: draft.id }, hub)).extensions.reason).toBe(
      'INVALID_TRANSITION',
    );
    const own = await data(ORG_EVENTS, { organizationId: hubId }, hub);
    expect(own.edges.map((e: any) => e.node.id)).toContain(draft.id);
    expect(
      rejection(await gql(ORG_EVENTS, { organizationId: hubId }, regionStaff)).extensions.code,
    ).toBe('NOT_FOUND');

    // A reason is required, on its field; it is kept as written and shown on the event.
    const noReason = rejection(await gql(CANCEL_EVENT, cancelInput(draft.id, '  '), hub));
    expect(noReason.extensions.code).toBe('BAD_USER_INPUT');
    expect(noReason.extensions.fields!.map((p) => p.path.join('.'))).toEqual(['input.reason']);
    expect((await data(EVENT, { id: draft.id })).status).toBe('PUBLISHED');
    const cancelled = await data(
      CANCEL_EVENT,
      cancelInput(draft.id, 'Typhoon: 台風の接近のため中止します。'),
      hub,
    );
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancellationReason).toBe('Typhoon: 台風の接近のため中止します。');
    expect(
      (await gql(`query($id: ID!) { event(id: $id) { cancellationReason } }`, { id: draft.id }))
        .data.event.cancellationReason,
    ).toBe('Typhoon: 台風の接近のため中止します。');
    expect(
      rejection(await gql(UPDATE, { input: { eventId: draft.id, capacity: 5 } }, hub)).extensions
        .reason,
    ).toBe('WRONG_STATUS');
  });

  it('lets organisers find presenting regions by name, municipality and prefecture, in pages', async () => {
    const tag = `探 ${++counter}`;
    const [bihoro, agematsu, ojiya] = await Promise.all(
      [
        ['015431', `美幌町役場 ${tag}`],
        ['203831', `上松町 ${tag}`],
        ['152081', `小千谷市 ${tag}`],
      ].map(([municipalityCode, name]) =>
        f.organization(admin, { kind: 'REGION', name, municipalityCode }),
      ),
    );
    await f.organization(admin, { kind: 'INTERMEDIARY', name: `中間支援 ${tag}` });
    const ids = (page: any) => page.edges.map((e: any) => e.node.id);

    // North to south (municipality code order), in pages; regions only.
    const first = await data(CANDIDATES, { organizationId: hubId, query: tag, first: 2 }, hub);
    expect(ids(first)).toEqual([bihoro, ojiya]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await data(
      CANDIDATES,
      { organizationId: hubId, query: tag, first: 2, after: first.pageInfo.endCursor },
      hub,
    );
    expect(ids(rest)).toEqual([agematsu]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    // By prefecture; by the municipality's name in romaji or kana, whatever the organisation's.
    expect(
      ids(await data(CANDIDATES, { organizationId: hubId, query: tag, prefectureCode: '20' }, hub)),
    ).toEqual([agematsu]);
    const byRomaji = ids(await data(CANDIDATES, { organizationId: hubId, query: 'bihoro' }, hub));
    expect(byRomaji).toContain(bihoro);
    expect(byRomaji).not.toContain(agematsu);
    expect(ids(await data(CANDIDATES, { organizationId: hubId, query: 'おぢや' }, hub))).toContain(
      ojiya,
    );
    // A region's staff organise events too; anyone else learns nothing.
    expect(
      ids(await data(CANDIDATES, { organizationId: regionId, query: tag }, regionStaff)),
    ).toHaveLength(3);
    expect(
      rejection(await gql(CANDIDATES, { organizationId: hubId, query: tag }, stranger)).extensions
        .code,
    ).toBe('NOT_FOUND');
    expect(
      rejection(await gql(CANDIDATES, { organizationId: hubId, prefectureCode: 'x' }, hub))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('finds published events by date range, prefecture and theme, soonest first, in pages', async () => {
    const theme = 'agriculture';
    const region = await published(
      {
        organizerOrganizationId: regionId,
        format: 'ON_SITE',
        meetingUrl: null,
        municipalityCode: '032093',
        venue: '一関市 交流センター',
        capacity: 10,
        themeCodes: [theme],
        startsAt: inDays(40).toISOString(),
        endsAt: inDays(40, 3).toISOString(),
      },
      regionStaff,
    );
    const later = await published({
      themeCodes: [theme],
      startsAt: inDays(41).toISOString(),
      endsAt: inDays(41, 1).toISOString(),
    });
    const soon = await published({
      themeCodes: [theme],
      startsAt: inDays(39).toISOString(),
      endsAt: inDays(39, 1).toISOString(),
    });
    await data(CREATE, { input: onlineInput({ themeCodes: [theme] }) }, hub); // a draft
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const window = { from: day(inDays(38)), to: day(inDays(42)), themeCode: theme };
    const first = await data(SEARCH, { filter: window, first: 2 });
    expect(first.edges.map((e: any) => e.node.id)).toEqual([soon.id, region.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await data(SEARCH, {
      filter: window,
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(second.edges.map((e: any) => e.node.id)).toEqual([later.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const iwate = await data(SEARCH, { filter: { ...window, prefectureCode: '03' } });
    expect(iwate.edges.map((e: any) => e.node.id)).toEqual([region.id]);
    const bad = rejection(await gql(SEARCH, { filter: { from: '2027-02-30' } }));
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('fills places in order, keeps a waiting list and promotes it when someone cancels', async () => {
    const event = await published({ capacity: 2 });
    const [aoi, ren, mei, sho] = await participants('waiting', 4);
    for (const who of [aoi, ren, mei, sho]) expectData(await register(who, event.id));
    const again = rejection(await register(aoi, event.id));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });

    const list = await data(REGISTRATIONS, { eventId: event.id }, hub);
    expect(list.map((r: any) => [r.status, r.waitlistPosition])).toEqual([
      ['REGISTERED', null],
      ['REGISTERED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);
    expect(rejection(await gql(REGISTRATIONS, { eventId: event.id }, aoi)).extensions.code).toBe(
      'FORBIDDEN',
    );
    const meiView = await data(EVENT, { id: event.id }, mei);
    expect(meiView).toMatchObject({
      meetingUrl: null,
      registeredCount: 2,
      waitlistedCount: 2,
      myRegistration: { status: 'WAITLISTED', waitlistPosition: 1, calendarPath: null },
    });
    const aoiView = await data(EVENT, { id: event.id }, aoi);
    expect(aoiView.meetingUrl).toBe('https://meet.example.jp/room-1');

    // Aoi cancels: Mei, first in line, takes the place and hears of it.
    const cancelled = await data(UNREGISTER, { eventId: event.id }, aoi);
    expect(cancelled.status).toBe('CANCELLED');
    const promoted = await data(EVENT, { id: event.id }, mei);
    expect(promoted.myRegistration.status).toBe('REGISTERED');
    expect(promoted).toMatchObject({ registeredCount: 2, waitlistedCount: 1 });
    const notice = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, type, title FROM notification WHERE type = 'EVENT_PLACE_OFFERED'
          AND recipient_id = $1`,
        [mei.id],
      );
      return rows.length === 1 && rows[0];
    });
    expect(notice.title).toContain('参加が決まりました');
    expect(rejection(await gql(UNREGISTER, { eventId: event.id }, aoi)).extensions.reason).toBe(
      'ALREADY_DONE',
    );

    // More room moves the rest of the list up; less than the places taken is refused.
    const shrink = rejection(await gql(UPDATE, { input: { eventId: event.id, capacity: 1 } }, hub));
    expect(shrink.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CAPACITY_BELOW_SEATS_HELD',
    });
    const grown = await data(UPDATE, { input: { eventId: event.id, capacity: 5 } }, hub);
    expect(grown).toMatchObject({ registeredCount: 3, waitlistedCount: 0 });
    // Registering again after a cancellation takes a free place.
    expect((await data(REGISTER, { eventId: event.id }, aoi)).status).toBe('REGISTERED');
    const mine = await data(MY_EVENTS, {}, aoi);
    expect(mine.map((e: any) => e.id)).toContain(event.id);
  });

  it("lists one's events soonest first, each with its own state, in a fixed number of statements", async () => {
    const [kai, first] = await participants('mine', 2);
    const later = await published({
      startsAt: inDays(30).toISOString(),
      endsAt: inDays(30, 2).toISOString(),
    });
    const full = await published({
      capacity: 1,
      startsAt: inDays(4).toISOString(),
      endsAt: inDays(4, 2).toISOString(),
    });
    const left = await published({
      startsAt: inDays(6).toISOString(),
      endsAt: inDays(6, 2).toISOString(),
    });
    const called = await published({
      startsAt: inDays(8).toISOString(),
      endsAt: inDays(8, 2).toISOString(),
    });
    expect((await data(REGISTER, { eventId: full.id }, first)).status).toBe('REGISTERED');
    for (const event of [later, full, left, called])
      await data(REGISTER, { eventId: event.id }, kai);
    await data(UNREGISTER, { eventId: left.id }, kai);
    await data(CANCEL_EVENT, cancelInput(called.id), hub);

    const query = `query { myEvents { id status waitlistedCount myRegistration { status waitlistPosition } } }`;
    const statements = await platform.countStatements(() => data(query, {}, kai));
    expect(await data(query, {}, kai)).toEqual([
      {
        id: full.id,
        status: 'PUBLISHED',
        waitlistedCount: 1,
        myRegistration: { status: 'WAITLISTED', waitlistPosition: 1 },
      },
      {
        id: called.id,
        status: 'CANCELLED',
        waitlistedCount: 0,
        myRegistration: { status: 'REGISTERED', waitlistPosition: null },
      },
      {
        id: later.id,
        status: 'PUBLISHED',
        waitlistedCount: 0,
        myRegistration: { status: 'REGISTERED', waitlistPosition: null },
      },
    ]);
    // One more event costs no more statements.
    const more = await published({
      startsAt: inDays(40).toISOString(),
      endsAt: inDays(40, 2).toISOString(),
    });
    await data(REGISTER, { eventId: more.id }, kai);
    expect(await platform.countStatements(() => data(query, {}, kai))).toBe(statements);
  });

  it('keeps an event to its audience', async () => {
    const event = await published({ audienceKinds: ['UNIVERSITY_STUDENT'] });
    const student = await f.participant('student', 'UNIVERSITY_STUDENT');
    const worker = await f.participant('worker', 'PRO_BONO');
    expect((await data(REGISTER, { eventId: event.id }, student)).status).toBe('REGISTERED');
    expect(rejection(await register(worker, event.id)).extensions.reason).toBe('NOT_ELIGIBLE');
    expect(rejection(await register(stranger, event.id)).extensions.reason).toBe('NOT_ELIGIBLE');
  });

  it("runs the council's member events, which only staff of approved members join", async () => {
    const [{ id: platformId }] = await platform.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM organization WHERE kind = 'PLATFORM'`,
    );
    const mixed = rejection(
      await gql(
        CREATE,
        {
          input: onlineInput({
            organizerOrganizationId: platformId,
            forCouncilMembers: true,
            audienceKinds: ['PRO_BONO'],
          }),
        },
        admin,
      ),
    );
    expect(mixed.extensions.fields).toEqual([
      { path: ['input', 'audienceKinds'], message: "must be empty for the council's member event" },
    ]);
    const event = await published(
      { organizerOrganizationId: platformId, forCouncilMembers: true },
      admin,
    );
    expect(event).toMatchObject({ organizer: { id: platformId }, canManage: true });

    // The region applies and is approved; the intermediary is not a member.
    const applied = await data(
      `mutation($organizationId: ID!, $input: ApplyForCouncilMembershipInput!) {
        applyForCouncilMembership(organizationId: $organizationId, input: $input) { id } }`,
      {
        organizationId: regionId,
        input: { introductionJa: '都市の人と棚田を守る町です。ほかの地域と学び合いたい。' },
      },
      regionStaff,
    );
    const participant = await f.participant('member-event');
    for (const who of [participant, hub, regionStaff]) {
      expect(rejection(await register(who, event.id)).extensions.reason).toBe(
        'NOT_A_COUNCIL_MEMBER',
      );
    }
    await data(
      `mutation($id: ID!) { decideCouncilMembership(id: $id, approve: true) { id } }`,
      { id: applied.id },
      admin,
    );
    expect((await data(REGISTER, { eventId: event.id }, regionStaff)).status).toBe('REGISTERED');
    expect(rejection(await register(hub, event.id)).extensions.reason).toBe('NOT_A_COUNCIL_MEMBER');

    const titles = async (forCouncilMembers: boolean) =>
      (await data(SEARCH, { filter: { forCouncilMembers }, first: 100 })).edges.map(
        (e: any) => e.node.id,
      );
    expect(await titles(true)).toContain(event.id);
    expect(await titles(false)).not.toContain(event.id);
  });

  it('never exceeds capacity nor loses a place under a burst larger than the pool', async () => {
    const capacity = 3;
    const event = await published({ capacity });
    const people = await participants('burst', 12);
    const answers = await Promise.all(people.map((p) => register(p, event.id)));
    expect(answers.filter((a) => a.errors)).toEqual([]);
    const statuses = answers.map((a) => a.data!.registerForEvent.status);
    expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(capacity);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(people.length - capacity);

    // Everyone holding a place cancels at once while three more join: every freed place goes
    // to someone waiting, in order, and nobody holds a place twice.
    const holders = people.filter((_, i) => statuses[i] === 'REGISTERED');
    const late = await participants('late', 3);
    const burst = await Promise.all([
      ...holders.map((p) => gql(UNREGISTER, { eventId: event.id }, p)),
      ...late.map((p) => register(p, event.id)),
    ]);
    expect(burst.filter((a) => a.errors)).toEqual([]);
    const [row] = await platform.dataSource.query(
      `SELECT e.registered_count,
              (SELECT count(*)::int FROM event_registration r
                WHERE r.event_id = e.id AND r.status = 'REGISTERED') AS registered,
              (SELECT count(*)::int FROM event_registration r
                WHERE r.event_id = e.id AND r.status = 'WAITLISTED') AS waiting
         FROM community_event e WHERE e.id = $1`,
      [event.id],
    );
    expect(row).toEqual({
      registered_count: capacity,
      registered: capacity,
      waiting: 9 - capacity + 3,
    });
    // The first three who waited got the places.
    const list = await data(REGISTRATIONS, { eventId: event.id }, hub);
    const firstWaiting = people.filter((_, i) => statuses[i] === 'WAITLISTED').map((p) => p.id);
    const order = await platform.dataSource.query(
      `SELECT user_id FROM event_registration WHERE event_id = $1 AND user_id = ANY($2)
        ORDER BY requested_at, id LIMIT 3`,
      [event.id, firstWaiting],
    );
    const registeredIds = await platform.dataSource.query(
      `SELECT user_id FROM event_registration WHERE event_id = $1 AND status = 'REGISTERED'`,
      [event.id],
    );
    expect(registeredIds.map((r: any) => r.user_id).sort()).toEqual(
      order.map((r: any) => r.user_id).sort(),
    );
    expect(
      list.filter((r: any) => r.status === 'WAITLISTED').map((r: any) => r.waitlistPosition),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("moves a registrant's unsent reminders to their new time zone when they change it", async () => {
    const startsAt = inDays(4);
    const event = await published({
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const [mover] = await participants('tz-move', 1);
    expectData(await register(mover, event.id));
    const dueOf = async () =>
      Object.fromEntries(
        (
          await platform.dataSource.query(
            `SELECT rm.kind, rm.due_at FROM event_reminder rm
               JOIN event_registration r ON r.id = rm.registration_id
              WHERE r.event_id = $1 AND r.user_id = $2 AND rm.sent_at IS NULL`,
            [event.id, mover.id],
          )
        ).map((r: any) => [r.kind, new Date(r.due_at).toISOString()]),
      );
    const expected = (zone: string) =>
      Object.fromEntries(
        reminderTimes(startsAt, zone, new Date()).map((r) => [r.kind, r.dueAt.toISOString()]),
      );
    expect(await dueOf()).toEqual(expected('Asia/Tokyo'));

    // 09:00 on the eve is now 09:00 in Los Angeles; the hour-before one does not move.
    expectData(await gql(SETTINGS, { input: { timeZone: 'America/Los_Angeles' } }, mover));
    expect(await dueOf()).toEqual(expected('America/Los_Angeles'));
    // A change of language alone leaves them as they are.
    expectData(await gql(SETTINGS, { input: { locale: 'en' } }, mover));
    expect(await dueOf()).toEqual(expected('America/Los_Angeles'));
  });

  it('schedules reminders in each registrant time zone, sends each once, drops them on cancellation', async () => {
    const startsAt = inDays(3);
    const event = await published({
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const [tokyo, london, quitter] = await participants('tz', 3);
    expectData(await gql(SETTINGS, { input: { timeZone: 'Europe/London' } }, london));
    for (const who of [tokyo, london, quitter]) expectData(await register(who, event.id));

    const dueOf = async (who: Person) =>
      Object.fromEntries(
        (
          await platform.dataSource.query(
            `SELECT rm.kind, rm.due_at FROM event_reminder rm
               JOIN event_registration r ON r.id = rm.registration_id
              WHERE r.event_id = $1 AND r.user_id = $2`,
            [event.id, who.id],
          )
        ).map((r: any) => [r.kind, new Date(r.due_at).toISOString()]),
      );
    const expected = (zone: string) =>
      Object.fromEntries(
        reminderTimes(startsAt, zone, new Date()).map((r) => [r.kind, r.dueAt.toISOString()]),
      );
    expect(await dueOf(tokyo)).toEqual(expected('Asia/Tokyo'));
    expect(await dueOf(london)).toEqual(expected('Europe/London'));
    expect(Object.keys(await dueOf(tokyo)).sort()).toEqual(['DAY_BEFORE', 'HOUR_BEFORE']);
    // 09:00 on the eve in each zone: the local hour is 9 in both.
    const hourIn = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(iso),
      );
    expect(hourIn((await dueOf(tokyo)).DAY_BEFORE, 'Asia/Tokyo')).toBe('09');
    expect(hourIn((await dueOf(london)).DAY_BEFORE, 'Europe/London')).toBe('09');

    expectData(await gql(UNREGISTER, { eventId: event.id }, quitter));
    expect(await dueOf(quitter)).toEqual({});

    // The eve comes: the day-before reminders fall due. Two sweeps at once send each once.
    await platform.dataSource.query(
      `UPDATE event_reminder rm SET due_at = now() - interval '1 minute'
         FROM event_registration r
        WHERE r.id = rm.registration_id AND r.event_id = $1 AND rm.kind = 'DAY_BEFORE'`,
      [event.id],
    );
    const sweep = platform.worker!.get(RegistrationService);
    const outcomes = await Promise.all([sweep.sendDueReminders(), sweep.sendDueReminders()]);
    expect(outcomes[0].reminders + outcomes[1].reminders).toBe(2);
    expect((await sweep.sendDueReminders()).reminders).toBe(0);
    const sent = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, title FROM notification WHERE type = 'EVENT_REMINDER'
          AND recipient_id = ANY($1)`,
        [[tokyo.id, london.id, quitter.id]],
      );
      return rows.length === 2 && rows;
    });
    expect(sent.map((r: any) => r.recipient_id).sort()).toEqual([tokyo.id, london.id].sort());
    expect(sent[0].title).toMatch(/^明日は「/);

    // The event moves a week later: new reminders, the day-before one to be sent again.
    const moved = new Date(startsAt.getTime() + 7 * DAY);
    await data(
      UPDATE,
      {
        input: {
          eventId: event.id,
          startsAt: moved.toISOString(),
          endsAt: new Date(moved.getTime() + HOUR).toISOString(),
        },
      },
      hub,
    );
    const after = await dueOf(london);
    expect(after).toEqual(
      Object.fromEntries(
        reminderTimes(moved, 'Europe/London', new Date()).map((r) => [
          r.kind,
          r.dueAt.toISOString(),
        ]),
      ),
    );

    // Cancelling the event tells those still registered, and drops what is unsent.
    // The reason reaches them as written, in either language's notice.
    expectData(await gql(SETTINGS, { input: { locale: 'en' } }, london));
    await data(CANCEL_EVENT, cancelInput(event.id, '会場の都合 (venue closed)'), hub);
    expect(await dueOf(london)).toEqual({});
    const told = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, body FROM notification
          WHERE type = 'EVENT_CANCELLED' AND recipient_id = ANY($1)`,
        [[tokyo.id, london.id, quitter.id]],
      );
      return rows.length === 2 && rows;
    });
    expect(told.map((r: any) => r.recipient_id).sort()).toEqual([tokyo.id, london.id].sort());
    const bodyOf = (who: Person) => told.find((r: any) => r.recipient_id === who.id).body;
    expect(bodyOf(tokyo)).toMatch(/中止になりました。\n理由：会場の都合 \(venue closed\)$/);
    expect(bodyOf(london)).toMatch(/\nReason: 会場の都合 \(venue closed\)$/);
  });

  it('takes attendance once the event has started, for those holding a place', async () => {
    const event = await published({ capacity: 1 });
    const [here, waiting] = await participants('attend', 2);
    const mine = await data(REGISTER, { eventId: event.id }, here);
    const queued = await data(REGISTER, { eventId: event.id }, waiting);
    const early = rejection(
      await gql(
        ATTENDANCE,
        { input: { eventId: event.id, entries: [{ registrationId: mine.id, attended: true }] } },
        hub,
      ),
    );
    expect(early.extensions.reason).toBe('WRONG_STATUS');
    // The day comes.
    await platform.dataSource.query(
      `UPDATE community_event SET starts_at = now() - interval '10 minutes',
              ends_at = now() + interval '1 hour' WHERE id = $1`,
      [event.id],
    );
    expect(rejection(await gql(UNREGISTER, { eventId: event.id }, here)).extensions.reason).toBe(
      'WRONG_STATUS',
    );
    const wrong = rejection(
      await gql(
        ATTENDANCE,
        {
          input: {
            eventId: event.id,
            entries: [
              { registrationId: mine.id, attended: true },
              { registrationId: queued.id, attended: true },
            ],
          },
        },
        hub,
      ),
    );
    expect(wrong.extensions.fields![0].path).toEqual(['input', 'entries', '1', 'registrationId']);
    expect(
      rejection(
        await gql(
          ATTENDANCE,
          { input: { eventId: event.id, entries: [{ registrationId: mine.id, attended: true }] } },
          here,
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    const taken = await data(
      ATTENDANCE,
      { input: { eventId: event.id, entries: [{ registrationId: mine.id, attended: true }] } },
      hub,
    );
    expect(taken.find((r: any) => r.id === mine.id).attended).toBe(true);
    expect(taken.find((r: any) => r.id === queued.id).attended).toBeNull();
  });

  it("seeds a cohort from a matching seminar's attendees and presenting regions' projects, once", async () => {
    const programId = (
      await data(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        { input: { intermediaryOrganizationId: hubId, name: '一関つながり', description: '' } },
        hub,
      )
    ).id;
    const projectId = await f.publishedProject(hub, regionStaff, regionId, { capacity: 4 });
    const seminar = await published({ kind: 'MATCHING_SEMINAR', presentingRegionIds: [regionId] });
    const workshop = await published();
    const [came, alsoCame, absent] = await participants('seminar', 3);
    const registrations = [];
    for (const who of [came, alsoCame, absent]) {
      registrations.push(await data(REGISTER, { eventId: seminar.id }, who));
    }
    const SEED = `mutation($input: SeedCohortFromEventInput!) {
      seedCohortFromEvent(input: $input) { id cohortId } }`;
    const seed = (eventId: string, who = hub) =>
      gql(SEED, { input: { eventId, programId, name: '一関セミナー組' } }, who);
    expect(rejection(await seed(seminar.id)).extensions.reason).toBe('WRONG_STATUS');
    expect(rejection(await seed(workshop.id)).extensions.reason).toBe('WRONG_STATUS');
    await platform.dataSource.query(
      `UPDATE community_event SET starts_at = now() - interval '2 hours',
              ends_at = now() - interval '1 hour' WHERE id = $1`,
      [seminar.id],
    );
    await data(
      ATTENDANCE,
      {
        input: {
          eventId: seminar.id,
          entries: registrations.map((r, i) => ({ registrationId: r.id, attended: i < 2 })),
        },
      },
      hub,
    );
    expect(rejection(await seed(seminar.id, regionStaff)).extensions.code).toBe('FORBIDDEN');
    const seeded = await data(
      SEED,
      { input: { eventId: seminar.id, programId, name: '一関セミナー組' } },
      hub,
    );
    expect(seeded.cohortId).toBeTruthy();
    const cohort = await data(
      `query($id: ID!) { cohort(id: $id) { name program { id }
        members { participant { participantId } } projects { capacity project { id } } } }`,
      { id: seeded.cohortId },
      hub,
    );
    expect(cohort.program.id).toBe(programId);
    expect(cohort.members.map((m: any) => m.participant.participantId).sort()).toEqual(
      [came.id, alsoCame.id].sort(),
    );
    expect(cohort.projects).toEqual([{ capacity: 4, project: { id: projectId } }]);
    expect(rejection(await seed(seminar.id)).extensions.reason).toBe('ALREADY_DONE');
  });

  it('serves an .ics calendar file to the registrant only', async () => {
    const event = await published({ titleJa: '一関, 関係人口; セミナー' });
    const [owner, other] = await participants('ics', 2);
    const registration = await data(REGISTER, { eventId: event.id }, owner);
    const base = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
    const get = (path: string, who?: Person) =>
      fetch(`${base}${path}`, {
        headers: who ? { authorization: `Bearer ${who.token}` } : {},
      });
    const path = registration.calendarPath;
    expect(path).toBe(`/events/${event.id}/registrations/${registration.id}.ics`);
    const ok = await get(path, owner);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await ok.text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toContain('SUMMARY:一関\\, 関係人口\\; セミナー\r\n');
    expect(body).toContain('URL:https://meet.example.jp/room-1\r\n');
    expect(body).toContain(`UID:${registration.id}@tsunagu\r\n`);
    expect((await get(path, other)).status).toBe(404);
    expect((await get(path)).status).toBe(401);
    expect((await get(`/events/${event.id}/registrations/not-a-uuid.ics`, owner)).status).toBe(404);
    // Once cancelled, the file is gone.
    expectData(await gql(UNREGISTER, { eventId: event.id }, owner));
    expect((await get(path, owner)).status).toBe(404);
  });
});
