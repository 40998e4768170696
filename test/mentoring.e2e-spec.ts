import { Client } from 'pg';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// Mentoring through GraphQL against real PostgreSQL and Redis: admins appoint mentors, mentors
// publish slots (never overlapping), member organisations book them (one booking per slot, no
// overlapping sessions per organisation, also under a burst larger than the pool), cancellation
// rules on both sides, notes and follow-ups the member ticks done.

jest.setTimeout(180_000);

const SLOT_FIELDS = `id mentorId startsAt endsAt timeZone format place meetingUrl free
  booking { id status organization { id } }`;
const BOOKING_FIELDS = `id slotId organization { id name } bookedByName mentorId mentorName
  initiativeTitle polish startsAt endsAt format meetingUrl status cancelledBy cancelReason
  lateCancellation freeCancellation notes notesUpdatedAt followUps { id text dueOn doneAt }`;
const APPOINT = `mutation($input: AppointMentorInput!) {
  appointMentor(input: $input) { id userId displayName bioJa themeCodes offersOnline offersOnSite } }`;
const PROFILE = `mutation($input: MentorProfileInput!) {
  updateMyMentorProfile(input: $input) { id bioJa bioEn } }`;
const MENTORS_PAGE = `query($first: Int, $after: String) { mentors(first: $first, after: $after) {
  edges { node { id displayName freeSlotCount freeSlots { ${SLOT_FIELDS} } } }
  pageInfo { hasNextPage endCursor } } }`;
const DESK = `query { myMentorDesk { mentor { id } slots { ${SLOT_FIELDS} }
  sessions { ${BOOKING_FIELDS} } } }`;
const PUBLISH = `mutation($input: PublishMentoringSlotInput!) {
  publishMentoringSlot(input: $input) { ${SLOT_FIELDS} } }`;
const REMOVE = `mutation($slotId: ID!) { removeMentoringSlot(slotId: $slotId) { id } }`;
const BOOK = `mutation($input: BookMentoringSlotInput!) {
  bookMentoringSlot(input: $input) { ${BOOKING_FIELDS} } }`;
const CANCEL = `mutation($input: CancelMentoringBookingInput!) {
  cancelMentoringBooking(input: $input) { ${BOOKING_FIELDS} } }`;
const NOTES = `mutation($input: WriteMentoringNotesInput!) {
  writeMentoringNotes(input: $input) { ${BOOKING_FIELDS} } }`;
const FOLLOW_UP = `mutation($input: AddMentoringFollowUpInput!) {
  addMentoringFollowUp(input: $input) { ${BOOKING_FIELDS} } }`;
const DONE = `mutation($input: SetMentoringFollowUpDoneInput!) {
  setMentoringFollowUpDone(input: $input) { ${BOOKING_FIELDS} } }`;
const SESSIONS = `query($organizationId: ID!) {
  organizationMentoringSessions(organizationId: $organizationId) { ${BOOKING_FIELDS} } }`;

const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR);

describe('mentoring', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let mentor: Person;
  let otherMentor: Person;
  let member: Person;
  let memberOrgId: string;
  let stranger: Person;
  let themeCode: string;
  let hourOffset = 0;

  const gql = (query: string, variables: Record<string, unknown>, who?: Person) =>
    platform.gql(query, variables, who?.token);
  const data = async (query: string, variables: Record<string, unknown>, who?: Person) =>
    Object.values(expectData(await gql(query, variables, who)))[0] as any;
  // The first page of mentors (newest appointed first): this suite's are on it.
  const mentorsListed = async (who: Person) =>
    (await data(MENTORS_PAGE, { first: 100 }, who)).edges.map((e: any) => e.node);
  const profile = (overrides: Record<string, unknown> = {}) => ({
    bioJa: '地域の観光事業を20年手がけてきました。企画の磨き上げをお手伝いします。',
    themeCodes: [themeCode],
    offersOnline: true,
    offersOnSite: false,
    ...overrides,
  });
  // A fresh hour-long online slot, each test's own, days ahead unless told.
  const slot = async (who = mentor, startsInHours?: number) => {
    const start = startsInHours ?? 72 + (hourOffset += 2);
    return data(
      PUBLISH,
      {
        input: {
          startsAt: inHours(start).toISOString(),
          endsAt: inHours(start + 1).toISOString(),
          format: 'ONLINE',
          meetingUrl: 'https://meet.example.jp/mentor',
        },
      },
      who,
    );
  };
  const bookInput = (slotId: string, organizationId = memberOrgId) => ({
    slotId,
    organizationId,
    initiativeTitle: '棚田オーナー制度',
    polish: '都市部の会員を増やすための発信を見直したい。',
  });
  // Approved by the council in the database: applying is the council's tests' subject.
  const approve = (organizationId: string) =>
    platform.dataSource.query(
      `INSERT INTO council_memberships (organization_id, status, applied_at, decided_at, introduction_ja)
       VALUES ($1, 'APPROVED', now(), now(), '関係人口づくりに取り組んでいます。')`,
      [organizationId],
    );
  const memberOrg = async (label: string) => {
    const staff = await f.signUp(label);
    const id = await f.organization(admin, { kind: 'COMPANY', name: `Member ${label}` }, [staff]);
    await approve(id);
    return { staff, id };
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    admin = await f.admin();
    [mentor, otherMentor, member, stranger] = await Promise.all([
      f.signUp('mentor'),
      f.signUp('mentor-2'),
      f.signUp('member', 'en'),
      f.signUp('stranger'),
    ]);
    memberOrgId = await f.region(admin, '152081', [member]);
    await approve(memberOrgId);
    [{ code: themeCode }] = await platform.dataSource.query(`SELECT code FROM theme LIMIT 1`);
    await data(APPOINT, { input: { email: mentor.email, ...profile() } }, admin);
    await data(APPOINT, { input: { email: otherMentor.email, ...profile() } }, admin);
  });

  afterAll(() => platform.close());

  it('lets only admins appoint mentors, and a mentor keep their profile', async () => {
    const refused = rejection(
      await gql(APPOINT, { input: { email: stranger.email, ...profile() } }, member),
    );
    expect(refused.extensions.code).toBe('FORBIDDEN');
    const bad = rejection(
      await gql(
        APPOINT,
        {
          input: {
            email: 'nobody-here@example.test',
            ...profile({ themeCodes: ['no-such-theme'], offersOnline: false }),
          },
        },
        admin,
      ),
    );
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fields!.map((p) => p.path.join('.'))).toEqual(['input.email']);
    const badProfile = rejection(
      await gql(
        PROFILE,
        { input: profile({ themeCodes: ['no-such-theme'], offersOnline: false }) },
        mentor,
      ),
    );
    expect(badProfile.extensions.fields!.map((p) => p.path.join('.')).sort()).toEqual([
      'input.offersOnline',
      'input.themeCodes.0',
    ]);
    const updated = await data(
      PROFILE,
      { input: profile({ bioEn: 'Twenty years in tourism.' }) },
      mentor,
    );
    expect(updated.bioEn).toBe('Twenty years in tourism.');
    expect(rejection(await gql(PROFILE, { input: profile() }, stranger)).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(await data(DESK, {}, stranger)).toBeNull();
  });

  it('publishes slots that never overlap the mentor’s own, and removes a free one', async () => {
    const first = await slot();
    expect(first).toMatchObject({ free: true, format: 'ONLINE', timeZone: 'Asia/Tokyo' });
    const overlapping = rejection(
      await gql(
        PUBLISH,
        {
          input: {
            startsAt: new Date(new Date(first.startsAt).getTime() + 30 * 60_000).toISOString(),
            endsAt: new Date(new Date(first.endsAt).getTime() + 30 * 60_000).toISOString(),
            format: 'ON_SITE',
            place: '小千谷市役所 2階 会議室',
          },
        },
        mentor,
      ),
    );
    expect(overlapping.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OVERLAPPING_SLOT',
    });
    // Another mentor's slot at the same time is theirs to offer.
    await slot(otherMentor, (new Date(first.startsAt).getTime() - Date.now()) / HOUR);
    const bad = rejection(
      await gql(
        PUBLISH,
        {
          input: {
            startsAt: inHours(-1).toISOString(),
            endsAt: inHours(-2).toISOString(),
            format: 'ONLINE',
          },
        },
        mentor,
      ),
    );
    expect(bad.extensions.fields!.map((p) => p.path.join('.')).sort()).toEqual([
      'input.endsAt',
      'input.meetingUrl',
      'input.startsAt',
    ]);
    // Two overlapping slots published at once: one passes.
    const at = inHours(500);
    const both = await Promise.all(
      [0, 1].map(() =>
        gql(
          PUBLISH,
          {
            input: {
              startsAt: at.toISOString(),
              endsAt: new Date(at.getTime() + HOUR).toISOString(),
              format: 'ONLINE',
              meetingUrl: 'https://meet.example.jp/x',
            },
          },
          mentor,
        ),
      ),
    );
    expect(both.filter((r) => r.errors).map((r) => r.errors![0].extensions.reason)).toEqual([
      'OVERLAPPING_SLOT',
    ]);
    // Members see free slots without the link; the mentor with it.
    const listed = (await mentorsListed(member)).find((m: any) => m.id === first.mentorId);
    expect(listed.freeSlots.find((s: any) => s.id === first.id)).toMatchObject({
      meetingUrl: null,
      free: true,
    });
    expect(rejection(await gql(REMOVE, { slotId: first.id }, otherMentor)).extensions.code).toBe(
      'NOT_FOUND',
    );
    await data(REMOVE, { slotId: first.id }, mentor);
    expect(rejection(await gql(REMOVE, { slotId: first.id }, mentor)).extensions.code).toBe(
      'NOT_FOUND',
    );
    const after = (await mentorsListed(member)).find((m: any) => m.id === first.mentorId);
    expect(after.freeSlots.map((s: any) => s.id)).not.toContain(first.id);
  });

  it('pages the mentors, newest appointed first, each with their soonest free slots and a count', async () => {
    const busy = await f.signUp('busy-mentor');
    await data(APPOINT, { input: { email: busy.email, ...profile() } }, admin);
    // Seven free slots, published latest first: the card shows the soonest five and counts all.
    const published = [];
    for (let i = 7; i >= 1; i--) published.push(await slot(busy, 24 * 30 + i * 2));
    const first = await data(MENTORS_PAGE, { first: 1 }, member);
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const newest = first.edges[0].node;
    expect(newest.displayName).toBe('busy-mentor');
    expect(newest.freeSlotCount).toBe(7);
    expect(newest.freeSlots.map((s: any) => s.id)).toEqual(
      published
        .slice()
        .reverse()
        .slice(0, 5)
        .map((s) => s.id),
    );
    // The next page goes on with the mentors appointed before, none twice.
    const next = await data(MENTORS_PAGE, { first: 100, after: first.pageInfo.endCursor }, member);
    expect(next.edges.map((e: any) => e.node.id)).not.toContain(newest.id);
    expect(next.edges.map((e: any) => e.node.displayName)).toEqual(
      expect.arrayContaining(['mentor', 'mentor-2']),
    );
    const bad = rejection(await gql(MENTORS_PAGE, { first: 1, after: 'bm90LWEtY3Vyc29y' }, member));
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(rejection(await gql(MENTORS_PAGE, { first: 101 }, member)).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('books a slot for a named initiative, which the mentor hears of and sees', async () => {
    const free = await slot();
    const notMine = rejection(await gql(BOOK, { input: bookInput(free.id) }, stranger));
    expect(notMine.extensions.code).toBe('FORBIDDEN');
    // Staff of an organisation that is not an approved council member: refused, nothing written.
    const outsider = await f.signUp('outsider');
    const outsiderOrg = await f.organization(admin, { kind: 'COMPANY', name: 'Not a member' }, [
      outsider,
    ]);
    expect(
      rejection(await gql(BOOK, { input: bookInput(free.id, outsiderOrg) }, outsider)).extensions
        .reason,
    ).toBe('NOT_A_COUNCIL_MEMBER');
    const booked = await data(BOOK, { input: bookInput(free.id) }, member);
    expect(booked).toMatchObject({
      status: 'BOOKED',
      initiativeTitle: '棚田オーナー制度',
      meetingUrl: 'https://meet.example.jp/mentor',
      mentorName: 'mentor',
      bookedByName: 'member',
      freeCancellation: true,
      organization: { id: memberOrgId },
    });
    const desk = await data(DESK, {}, mentor);
    expect(desk.slots.find((s: any) => s.id === free.id)).toMatchObject({
      free: false,
      booking: { id: booked.id, status: 'BOOKED' },
    });
    // Taken: gone from the members' list, and refused to anyone else.
    const listed = (await mentorsListed(member)).find((m: any) => m.id === free.mentorId);
    expect(listed.freeSlots.map((s: any) => s.id)).not.toContain(free.id);
    const other = await memberOrg('late-comer');
    expect(
      rejection(await gql(BOOK, { input: bookInput(free.id, other.id) }, other.staff)).extensions
        .reason,
    ).toBe('SLOT_TAKEN');
    // The mentor cannot remove a booked slot.
    expect(rejection(await gql(REMOVE, { slotId: free.id }, mentor)).extensions.reason).toBe(
      'WRONG_STATUS',
    );
    const notice = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT title FROM notification WHERE type = 'MENTORING_BOOKED' AND recipient_id = $1`,
        [mentor.id],
      );
      return rows.length > 0 && rows[0];
    });
    expect(notice.title).toContain('メンタリングを予約しました');
    // Only the organisation's staff see its sessions.
    const sessions = await data(SESSIONS, { organizationId: memberOrgId }, member);
    expect(sessions.map((s: any) => s.id)).toContain(booked.id);
    expect(
      rejection(await gql(SESSIONS, { organizationId: memberOrgId }, stranger)).extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('never removes a slot that a booking takes meanwhile', async () => {
    const free = await slot();
    // Holds the slot as a booking does, and books it while the removal waits.
    const booking = new Client({ connectionString: platform.databaseUrl });
    await booking.connect();
    try {
      await booking.query('BEGIN');
      const {
        rows: [times],
      } = await booking.query(
        'SELECT starts_at, ends_at FROM mentoring_slot WHERE id = $1 FOR UPDATE',
        [free.id],
      );
      const removing = gql(REMOVE, { slotId: free.id }, mentor);
      await eventually(async () => {
        const [{ n }] = await platform.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query ILIKE '%mentoring_slot%'`,
        );
        return n > 0;
      });
      await booking.query(
        `INSERT INTO mentoring_booking (slot_id, organization_id, booked_by_id, initiative_title,
                                        polish, starts_at, ends_at)
         VALUES ($1, $2, $3, '棚田の発信', '計画を見てほしい', $4, $5)`,
        [free.id, memberOrgId, member.id, times.starts_at, times.ends_at],
      );
      await booking.query('COMMIT');
      expect(rejection(await removing).extensions.reason).toBe('WRONG_STATUS');
    } finally {
      await booking.end();
    }
    const [row] = await platform.dataSource.query(
      'SELECT removed_at FROM mentoring_slot WHERE id = $1',
      [free.id],
    );
    expect(row.removed_at).toBeNull();
  });

  it('books each slot exactly once, and no overlapping sessions per organisation, under a burst larger than the pool', async () => {
    const contested = await slot();
    const orgs = await Promise.all(Array.from({ length: 8 }, (_, i) => memberOrg(`race-${i}`)));
    const answers = await Promise.all(
      orgs.map((o) => gql(BOOK, { input: bookInput(contested.id, o.id) }, o.staff)),
    );
    const winners = answers.filter((a) => !a.errors);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a.errors).map((a) => a.errors![0].extensions.reason)).toEqual(
      Array(7).fill('SLOT_TAKEN'),
    );
    const [{ n }] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM mentoring_booking WHERE slot_id = $1`,
      [contested.id],
    );
    expect(n).toBe(1);

    // One organisation books two mentors' overlapping slots at once, several times over: one each.
    const org = await memberOrg('double');
    const start = 900 + (hourOffset += 2);
    const pairs = await Promise.all([slot(mentor, start), slot(otherMentor, start + 0.5)]);
    const tries = await Promise.all(
      [...pairs, ...pairs, ...pairs].map((s) =>
        gql(BOOK, { input: bookInput(s.id, org.id) }, org.staff),
      ),
    );
    expect(tries.filter((a) => !a.errors)).toHaveLength(1);
    expect(
      new Set(tries.filter((a) => a.errors).map((a) => a.errors![0].extensions.reason)),
    ).toEqual(new Set(['OVERLAPPING_SESSION', 'SLOT_TAKEN']));
    const rows = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM mentoring_booking WHERE organization_id = $1`,
      [org.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('cancels by the rules: free until 24 h before, later recorded as late, the mentor with a reason; the slot frees once', async () => {
    // Days ahead: free of charge.
    const early = await slot();
    const booking = await data(BOOK, { input: bookInput(early.id) }, member);
    expect(
      rejection(await gql(CANCEL, { input: { bookingId: booking.id } }, stranger)).extensions.code,
    ).toBe('NOT_FOUND');
    const both = await Promise.all([
      gql(CANCEL, { input: { bookingId: booking.id } }, member),
      gql(CANCEL, { input: { bookingId: booking.id } }, member),
    ]);
    expect(both.filter((a) => a.errors).map((a) => a.errors![0].extensions.reason)).toEqual([
      'ALREADY_DONE',
    ]);
    const cancelled = both.find((a) => !a.errors)!.data!.cancelMentoringBooking;
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'MEMBER',
      lateCancellation: false,
      meetingUrl: null,
    });
    // Free again, exactly once: it can be booked again, by one.
    const again = await data(BOOK, { input: bookInput(early.id) }, member);
    expect(again.status).toBe('BOOKED');

    // Within 24 hours: allowed, recorded as late.
    const soon = await slot(mentor, 5 + (hourOffset += 2) / 100);
    const soonBooking = await data(BOOK, { input: bookInput(soon.id) }, member);
    expect(soonBooking.freeCancellation).toBe(false);
    const late = await data(CANCEL, { input: { bookingId: soonBooking.id } }, member);
    expect(late).toMatchObject({ status: 'CANCELLED', lateCancellation: true });

    // The mentor must say why; the member hears of it.
    const noReason = rejection(await gql(CANCEL, { input: { bookingId: again.id } }, mentor));
    expect(noReason.extensions.fields![0].path).toEqual(['input', 'reason']);
    const byMentor = await data(
      CANCEL,
      { input: { bookingId: again.id, reason: 'A family matter' } },
      mentor,
    );
    expect(byMentor).toMatchObject({
      cancelledBy: 'MENTOR',
      cancelReason: 'A family matter',
      lateCancellation: false,
    });
    const told = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT title, body FROM notification WHERE type = 'MENTORING_CANCELLED' AND recipient_id = $1`,
        [member.id],
      );
      return rows.length > 0 && rows[0];
    });
    expect(told.body).toContain('A family matter');

    // A session that started cannot be cancelled.
    const started = await slot(mentor, 2000);
    const startedBooking = await data(BOOK, { input: bookInput(started.id) }, member);
    await platform.dataSource.query(
      `UPDATE mentoring_booking SET starts_at = now() - interval '1 minute',
              ends_at = now() + interval '59 minutes' WHERE id = $1`,
      [startedBooking.id],
    );
    expect(
      rejection(await gql(CANCEL, { input: { bookingId: startedBooking.id } }, member)).extensions
        .reason,
    ).toBe('WRONG_STATUS');
  });

  it("keeps the mentor's notes and follow-ups, which the member's staff see and tick done", async () => {
    const s = await slot();
    const booking = await data(BOOK, { input: bookInput(s.id) }, member);
    expect(
      rejection(await gql(NOTES, { input: { bookingId: booking.id, notes: 'x' } }, member))
        .extensions.code,
    ).toBe('NOT_FOUND');
    await data(
      NOTES,
      { input: { bookingId: booking.id, notes: 'ターゲットを週末農業層に絞ると伝わりやすい。' } },
      mentor,
    );
    const badDate = rejection(
      await gql(
        FOLLOW_UP,
        { input: { bookingId: booking.id, text: 'チラシ案を作る', dueOn: '2027-02-30' } },
        mentor,
      ),
    );
    expect(badDate.extensions.fields![0].path).toEqual(['input', 'dueOn']);
    const withFollowUp = await data(
      FOLLOW_UP,
      { input: { bookingId: booking.id, text: 'チラシ案を作る', dueOn: '2027-02-28' } },
      mentor,
    );
    const [followUp] = withFollowUp.followUps;
    expect(followUp).toMatchObject({ text: 'チラシ案を作る', dueOn: '2027-02-28', doneAt: null });
    const seen = (await data(SESSIONS, { organizationId: memberOrgId }, member)).find(
      (b: any) => b.id === booking.id,
    );
    expect(seen.notes).toContain('週末農業層');
    expect(
      rejection(await gql(DONE, { input: { followUpId: followUp.id, done: true } }, stranger))
        .extensions.code,
    ).toBe('NOT_FOUND');
    const ticked = await data(DONE, { input: { followUpId: followUp.id, done: true } }, member);
    expect(ticked.followUps[0].doneAt).not.toBeNull();
    const unticked = await data(DONE, { input: { followUpId: followUp.id, done: false } }, member);
    expect(unticked.followUps[0].doneAt).toBeNull();
  });
});
