import { ActivityDayService } from '@tsunagu/engagements';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// Activity days through GraphQL against real PostgreSQL and Redis: the region publishes dates
// with places, people engaged on the project sign up (never over the places, also under a burst
// larger than the pool), the cut-off, attendance credited as approved hours exactly once,
// notifications and the day-before reminder.

jest.setTimeout(240_000);

const DAY_FIELDS = `id projectId projectTitle status date startTime endTime startsAt places
  signedUpCount placesLeft signupClosesAt hours meetingPoint whatToBring noteJa noteEn
  signups { id engagementId participantName status attended creditedHours }
  mySignup { id status attended creditedHours }`;
const PUBLISH = `mutation($input: PublishActivityDaysInput!) {
  publishActivityDays(input: $input) { ${DAY_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateActivityDayInput!) {
  updateActivityDay(input: $input) { ${DAY_FIELDS} } }`;
const CANCEL_DAY = `mutation($id: ID!) { cancelActivityDay(activityDayId: $id) { ${DAY_FIELDS} } }`;
const SIGN_UP = `mutation($id: ID!) { signUpForActivityDay(activityDayId: $id) { ${DAY_FIELDS} } }`;
const CANCEL_SIGNUP = `mutation($id: ID!) {
  cancelActivityDaySignup(activityDayId: $id) { ${DAY_FIELDS} } }`;
const ATTENDANCE = `mutation($input: RecordActivityDayAttendanceInput!) {
  recordActivityDayAttendance(input: $input) { ${DAY_FIELDS} } }`;
const PROJECT_DAYS = `query($id: ID!) { projectActivityDays(projectId: $id) { ${DAY_FIELDS} } }`;
const ENGAGEMENT_DAYS = `query($id: ID!) { engagementActivityDays(engagementId: $id) { ${DAY_FIELDS} } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const CHECK_INS = `query($id: ID!) { engagementCheckIns(engagementId: $id) { id hours approvedAt } }`;

const DAY_MS = 24 * 60 * 60 * 1000;
// The worker relays the outbox and delivers notifications: slow on a loaded machine.
const WORKER_WAIT_MS = 30_000;
// A Japan date some days ahead.
const jstDate = (daysAhead: number) =>
  new Date(Date.now() + 9 * 60 * 60 * 1000 + daysAhead * DAY_MS).toISOString().slice(0, 10);

describe('activity days', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let regionStaff: Person;
  let otherRegionStaff: Person;
  let hub: Person;
  let projectId: string;
  let otherProjectId: string;
  let offset = 3;

  const gql = (query: string, variables: Record<string, unknown>, who?: Person) =>
    platform.gql(query, variables, who?.token);
  const data = async (query: string, variables: Record<string, unknown>, who?: Person) =>
    Object.values(expectData(await gql(query, variables, who)))[0] as any;
  const input = (overrides: Record<string, unknown> = {}) => ({
    projectId,
    dates: [{ date: jstDate(++offset), startTime: '09:00', endTime: '15:00' }],
    places: 5,
    meetingPoint: '美幌町農業センター前',
    whatToBring: '軍手、長靴、帽子',
    noteJa: '雨天の場合は前日に連絡します。',
    ...overrides,
  });
  const publishOne = async (overrides: Record<string, unknown> = {}) =>
    (await data(PUBLISH, { input: input(overrides) }, regionStaff))[0];
  // An engagement on the project taken to `status` (ACCEPTED by default).
  const engaged = async (who: Person, status = 'ACCEPTED', project = projectId) => {
    const id = (
      await data(
        APPLY,
        { input: { projectId: project, motivation: '農作業を手伝いたいです。' } },
        who,
      )
    ).id as string;
    const steps: Array<[Person, Record<string, unknown>]> = [];
    if (status !== 'SUBMITTED') steps.push([regionStaff, { action: 'ACCEPT' }]);
    if (status === 'ACTIVE') {
      steps.push([
        hub,
        { action: 'APPROVE', terms: { startDate: jstDate(1), hoursPerWeek: 4, goals: '収穫' } },
      ]);
      steps.push([hub, { action: 'START' }]);
    }
    for (const [person, step] of steps) {
      await data(TRANSITION, { input: { engagementId: id, ...step } }, person);
    }
    return id;
  };
  const participants = (label: string, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => f.participant(`${label}-${i}`)));

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      municipalityCode: '015491',
      regionStaff: ['bihoro'],
      hubStaff: ['hokkaido-hub'],
      project: { capacity: 40 },
    });
    ({ regionStaff, projectId } = scene);
    hub = scene.hubStaff;
    otherRegionStaff = await f.signUp('mukawa');
    const otherRegion = await f.region(scene.admin, '015865', [otherRegionStaff]);
    otherProjectId = await f.publishedProject(hub, otherRegionStaff, otherRegion);
  });

  afterAll(() => platform.close());

  it('lets the region publish several days at once, checked, and tells the engaged people', async () => {
    const [accepted, applicant] = await participants('publish', 2);
    await engaged(accepted);
    await engaged(applicant, 'SUBMITTED');

    const bad = rejection(
      await gql(
        PUBLISH,
        {
          input: input({
            dates: [
              { date: jstDate(0), startTime: '09:00', endTime: '12:00' },
              { date: jstDate(20), startTime: '15:00', endTime: '09:00' },
              { date: jstDate(21), startTime: '06:00', endTime: '19:00' },
              { date: jstDate(22), startTime: '09:00', endTime: '12:00' },
              { date: jstDate(22), startTime: '09:00', endTime: '12:00' },
              { date: '2027-02-30', startTime: '25:00', endTime: '12:00' },
            ],
            places: 0,
            meetingPoint: '   ',
          }),
        },
        regionStaff,
      ),
    );
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fields!.map((p) => p.path.join('.')).sort()).toEqual([
      'input.dates.5.date',
      'input.dates.5.startTime',
      'input.meetingPoint',
      'input.places',
    ]);
    const rules = rejection(
      await gql(
        PUBLISH,
        {
          input: input({
            dates: [
              { date: jstDate(0), startTime: '09:00', endTime: '12:00' },
              { date: jstDate(20), startTime: '15:00', endTime: '09:00' },
              { date: jstDate(21), startTime: '06:00', endTime: '19:00' },
              { date: jstDate(22), startTime: '09:00', endTime: '12:00' },
              { date: jstDate(22), startTime: '09:00', endTime: '12:00' },
            ],
          }),
        },
        regionStaff,
      ),
    );
    expect(rules.extensions.fields).toEqual([
      { path: ['input', 'dates', '0', 'date'], message: 'must be tomorrow or later' },
      { path: ['input', 'dates', '1', 'endTime'], message: 'must be after the start time' },
      {
        path: ['input', 'dates', '2', 'endTime'],
        message: 'must be at most 12 hours after the start',
      },
      { path: ['input', 'dates', '4', 'date'], message: 'is listed twice at the same time' },
    ]);
    // Nothing was written.
    const [{ count }] = await platform.dataSource.query(
      `SELECT count(*)::int AS count FROM activity_day WHERE project_id = $1`,
      [projectId],
    );
    expect(count).toBe(0);

    // Another region's staff, an intermediary and a participant cannot publish here.
    for (const who of [otherRegionStaff, hub, accepted]) {
      const refused = rejection(await gql(PUBLISH, { input: input() }, who));
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused.extensions.code);
    }

    const saturdays = [40, 47, 54].map((d) => ({
      date: jstDate(d),
      startTime: '08:30',
      endTime: '12:00',
    }));
    const days = await data(PUBLISH, { input: input({ dates: saturdays }) }, regionStaff);
    expect(days.map((d: any) => [d.date, d.startTime, d.endTime, d.placesLeft, d.hours])).toEqual(
      saturdays.map((s) => [s.date, '08:30', '12:00', 5, 3.5]),
    );
    expect(days[0].signupClosesAt).toBe(
      new Date(`${saturdays[0].date}T00:00:00+09:00`).toISOString(),
    );
    // The same day again is refused on its field.
    const again = rejection(
      await gql(PUBLISH, { input: input({ dates: saturdays.slice(1, 2) }) }, regionStaff),
    );
    expect(again.extensions.fields).toEqual([
      {
        path: ['input', 'dates', '0', 'date'],
        message: 'already has an activity day starting at this time',
      },
    ]);

    const told = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, title FROM notification
          WHERE type = 'ACTIVITY_DAYS_PUBLISHED' AND recipient_id = ANY($1)`,
        [[accepted.id, applicant.id]],
      );
      return rows.length >= 1 && rows;
    }, WORKER_WAIT_MS);
    expect(told.map((r: any) => r.recipient_id)).toEqual([accepted.id]);
    expect(told[0].title).toMatch(/の活動日が決まりました$/);
  });

  it('signs up engaged people once per day, until the end of the day before', async () => {
    const [yuki, applicant, stranger] = await participants('signup', 3);
    const engagementId = await engaged(yuki, 'ACTIVE');
    await engaged(applicant, 'SUBMITTED');
    const day = await publishOne({ places: 2 });

    // Someone with no engagement on the project does not see the day; an applicant may not yet.
    expect(rejection(await gql(SIGN_UP, { id: day.id }, stranger)).extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(rejection(await gql(SIGN_UP, { id: day.id }, applicant)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_ELIGIBLE',
    });

    const signed = await data(SIGN_UP, { id: day.id }, yuki);
    expect(signed).toMatchObject({ signedUpCount: 1, placesLeft: 1, signups: null });
    expect(signed.mySignup).toMatchObject({ status: 'SIGNED_UP', attended: null });
    expect(rejection(await gql(SIGN_UP, { id: day.id }, yuki)).extensions.reason).toBe(
      'ALREADY_DONE',
    );
    const left = await data(CANCEL_SIGNUP, { id: day.id }, yuki);
    expect(left).toMatchObject({ signedUpCount: 0, mySignup: { status: 'CANCELLED' } });
    expect((await data(SIGN_UP, { id: day.id }, yuki)).mySignup.status).toBe('SIGNED_UP');

    // The participant's page lists the day with their sign-up; the region sees who signed up.
    const mine = await data(ENGAGEMENT_DAYS, { id: engagementId }, yuki);
    expect(mine.find((d: any) => d.id === day.id).mySignup.status).toBe('SIGNED_UP');
    const listed = (await data(PROJECT_DAYS, { id: projectId }, regionStaff)).find(
      (d: any) => d.id === day.id,
    );
    expect(listed.signups).toEqual([
      expect.objectContaining({ engagementId, status: 'SIGNED_UP', participantName: 'signup-0' }),
    ]);
    expect(rejection(await gql(PROJECT_DAYS, { id: projectId }, yuki)).extensions.code).toMatch(
      /FORBIDDEN|NOT_FOUND/,
    );
    expect(
      rejection(await gql(ENGAGEMENT_DAYS, { id: engagementId }, stranger)).extensions.code,
    ).toBe('NOT_FOUND');

    // The eve has passed (the day now starts this morning): no more changes.
    await platform.dataSource.query(
      `UPDATE activity_day SET starts_at = now() + interval '1 minute',
              ends_at = now() + interval '3 hours' WHERE id = $1`,
      [day.id],
    );
    for (const op of [CANCEL_SIGNUP, SIGN_UP]) {
      const closed = rejection(await gql(op, { id: day.id }, yuki));
      expect(closed.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
    }
  });

  it('gives back the places of an engagement that stops, on days not started yet', async () => {
    const [sora] = await participants('withdraw', 1);
    const engagementId = await engaged(sora);
    const [ahead, other] = [await publishOne({ places: 3 }), await publishOne({ places: 3 })];
    await data(SIGN_UP, { id: ahead.id }, sora);
    await data(SIGN_UP, { id: other.id }, sora);
    await data(
      TRANSITION,
      { input: { engagementId, action: 'WITHDRAW', reason: '都合がつかなくなりました' } },
      sora,
    );
    const days = await data(PROJECT_DAYS, { id: projectId }, regionStaff);
    for (const id of [ahead.id, other.id]) {
      const day = days.find((d: any) => d.id === id);
      expect(day).toMatchObject({ signedUpCount: 0, placesLeft: 3 });
      expect(day.signups.map((s: any) => s.status)).toEqual(['CANCELLED']);
    }
    // No longer engaged: no new sign-up.
    expect(rejection(await gql(SIGN_UP, { id: ahead.id }, sora)).extensions.reason).toBe(
      'NOT_ELIGIBLE',
    );
  });

  it('never gives more places than the day has under a burst larger than the pool', async () => {
    const places = 3;
    const people = await participants('burst', 12);
    for (const p of people) await engaged(p);
    const day = await publishOne({ places });
    const answers = await Promise.all(people.map((p) => gql(SIGN_UP, { id: day.id }, p)));
    const ok = answers.filter((a) => !a.errors);
    const full = answers.filter((a) => a.errors).map((a) => rejection(a).extensions.reason);
    expect(ok).toHaveLength(places);
    expect(full).toEqual(Array(people.length - places).fill('DAY_FULL'));
    const [row] = await platform.dataSource.query(
      `SELECT d.signed_up_count, (SELECT count(*)::int FROM activity_day_signup s
          WHERE s.activity_day_id = d.id AND s.status = 'SIGNED_UP') AS signed
         FROM activity_day d WHERE d.id = $1`,
      [day.id],
    );
    expect(row).toEqual({ signed_up_count: places, signed: places });

    // Places never go below those signed up; above is fine.
    const below = rejection(
      await gql(UPDATE, { input: { activityDayId: day.id, places: 2 } }, regionStaff),
    );
    expect(below.extensions.fields).toEqual([
      { path: ['input', 'places'], message: 'must be at least 3: that many people signed up' },
    ]);
    const more = await data(UPDATE, { input: { activityDayId: day.id, places: 4 } }, regionStaff);
    expect(more).toMatchObject({ places: 4, placesLeft: 1 });
    expect(
      rejection(
        await gql(UPDATE, { input: { activityDayId: day.id, places: 9 } }, otherRegionStaff),
      ).extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('credits attendance as approved hours exactly once, and un-marking removes them', async () => {
    const [mio, ren] = await participants('attend', 2);
    const mioEngagement = await engaged(mio, 'ACTIVE');
    await engaged(ren);
    const day = await publishOne({ places: 4 });
    await data(SIGN_UP, { id: day.id }, mio);
    await data(SIGN_UP, { id: day.id }, ren);
    const listed = await data(CANCEL_SIGNUP, { id: day.id }, ren);
    expect(listed.signedUpCount).toBe(1);

    const signups = (await data(PROJECT_DAYS, { id: projectId }, regionStaff)).find(
      (d: any) => d.id === day.id,
    ).signups;
    const mioSignup = signups.find((s: any) => s.engagementId === mioEngagement).id;
    const renSignup = signups.find((s: any) => s.engagementId !== mioEngagement).id;
    const mark = (attended: boolean, signupId = mioSignup) =>
      gql(
        ATTENDANCE,
        { input: { activityDayId: day.id, entries: [{ signupId, attended }] } },
        regionStaff,
      );

    // Not before the day starts.
    expect(rejection(await mark(true)).extensions.reason).toBe('WRONG_STATUS');
    // The day took place this morning, 09:00 to 15:00.
    await platform.dataSource.query(
      `UPDATE activity_day SET starts_at = now() - interval '8 hours',
              ends_at = now() - interval '2 hours' WHERE id = $1`,
      [day.id],
    );
    const wrong = rejection(
      await gql(
        ATTENDANCE,
        {
          input: {
            activityDayId: day.id,
            entries: [
              { signupId: renSignup, attended: true },
              { signupId: mioSignup, attended: true },
              { signupId: mioSignup, attended: false },
              { signupId: '00000000-0000-4000-8000-000000000000', attended: true },
            ],
          },
        },
        regionStaff,
      ),
    );
    expect(wrong.extensions.fields).toEqual([
      { path: ['input', 'entries', '0', 'signupId'], message: 'was cancelled' },
      { path: ['input', 'entries', '2', 'signupId'], message: 'is listed twice' },
      { path: ['input', 'entries', '3', 'signupId'], message: 'is not a sign-up for this day' },
    ]);
    expect(
      rejection(
        await gql(
          ATTENDANCE,
          { input: { activityDayId: day.id, entries: [{ signupId: mioSignup, attended: true }] } },
          otherRegionStaff,
        ),
      ).extensions.code,
    ).toBe('NOT_FOUND');

    const approvedHours = async () =>
      (await data(CHECK_INS, { id: mioEngagement }, mio))
        .filter((c: any) => c.approvedAt)
        .map((c: any) => c.hours);
    // Marked twice (also at once): credited once, the same hours check-ins count.
    await Promise.all([mark(true), mark(true)]);
    expectData(await mark(true));
    expect(await approvedHours()).toEqual([6]);
    const [hoursRow] = await platform.dataSource.query(
      `SELECT coalesce(sum(hours), 0)::float8 AS hours FROM engagement_check_in
        WHERE engagement_id = $1 AND approved_at IS NOT NULL`,
      [mioEngagement],
    );
    expect(hoursRow.hours).toBe(6);
    const seen = (await data(ENGAGEMENT_DAYS, { id: mioEngagement }, mio)).find(
      (d: any) => d.id === day.id,
    );
    expect(seen.mySignup).toMatchObject({ attended: true, creditedHours: 6 });

    // Un-marking removes them; marking again credits them again, once.
    const absent = await data(
      ATTENDANCE,
      {
        input: { activityDayId: day.id, entries: [{ signupId: mioSignup, attended: false }] },
      },
      regionStaff,
    );
    expect(absent.signups.find((s: any) => s.id === mioSignup)).toMatchObject({
      attended: false,
      creditedHours: null,
    });
    expect(await approvedHours()).toEqual([]);
    expectData(await mark(true));
    expect(await approvedHours()).toEqual([6]);

    // The day is in the participant's "download my data".
    const baseUrl = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
    const mine = await fetch(`${baseUrl}/auth/my-data`, {
      headers: { authorization: `Bearer ${mio.token}` },
    });
    const { sections } = (await mine.json()) as { sections: Record<string, any> };
    expect(sections.activityDays).toEqual([
      expect.objectContaining({
        project: expect.objectContaining({ id: projectId }),
        status: 'SIGNED_UP',
        attended: true,
      }),
    ]);
  });

  it('tells those signed up when a day is cancelled, and reminds them the day before once', async () => {
    const [aoi, kai] = await participants('notice', 2);
    await engaged(aoi);
    await engaged(kai);
    const cancelled = await publishOne();
    const kept = await publishOne();
    for (const id of [cancelled.id, kept.id]) {
      await data(SIGN_UP, { id }, aoi);
    }
    await data(SIGN_UP, { id: kept.id }, kai);
    await data(CANCEL_SIGNUP, { id: kept.id }, kai);

    expect(
      rejection(await gql(CANCEL_DAY, { id: cancelled.id }, otherRegionStaff)).extensions.code,
    ).toBe('NOT_FOUND');
    expect((await data(CANCEL_DAY, { id: cancelled.id }, regionStaff)).status).toBe('CANCELLED');
    expect(rejection(await gql(SIGN_UP, { id: cancelled.id }, kai)).extensions.reason).toBe(
      'WRONG_STATUS',
    );
    const told = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id FROM notification WHERE type = 'ACTIVITY_DAY_CANCELLED'
          AND recipient_id = ANY($1)`,
        [[aoi.id, kai.id]],
      );
      return rows.length >= 1 && rows;
    }, WORKER_WAIT_MS);
    expect(told.map((r: any) => r.recipient_id)).toEqual([aoi.id]);

    // The kept day is tomorrow morning now: its reminder falls due, and two sweeps send it once.
    await platform.dataSource.query(
      `UPDATE activity_day SET starts_at = date_trunc('day', now() AT TIME ZONE 'Asia/Tokyo')
              AT TIME ZONE 'Asia/Tokyo' + interval '1 day 9 hours',
              ends_at = date_trunc('day', now() AT TIME ZONE 'Asia/Tokyo')
              AT TIME ZONE 'Asia/Tokyo' + interval '1 day 12 hours' WHERE id = $1`,
      [kept.id],
    );
    const sweep = platform.worker!.get(ActivityDayService);
    const outcomes = await Promise.all([sweep.sendDueReminders(), sweep.sendDueReminders()]);
    const mine = await platform.dataSource.query(
      `SELECT s.reminded_at FROM activity_day_signup s WHERE s.activity_day_id = ANY($1)`,
      [[kept.id, cancelled.id]],
    );
    expect(mine.filter((r: any) => r.reminded_at)).toHaveLength(1);
    expect(outcomes[0].reminders + outcomes[1].reminders).toBeGreaterThanOrEqual(1);
    const reminded = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, title FROM notification WHERE type = 'ACTIVITY_DAY_REMINDER'
          AND recipient_id = ANY($1)`,
        [[aoi.id, kai.id]],
      );
      return rows.length >= 1 && rows;
    }, WORKER_WAIT_MS);
    expect(reminded).toEqual([{ recipient_id: aoi.id, title: expect.stringMatching(/^明日は「/) }]);
  });

  it('keeps another region out of the project', async () => {
    const day = await publishOne();
    const other = rejection(
      await gql(PUBLISH, { input: input({ projectId: otherProjectId }) }, regionStaff),
    );
    expect(other.extensions.code).toBe('NOT_FOUND');
    expect(rejection(await gql(CANCEL_DAY, { id: day.id }, otherRegionStaff)).extensions.code).toBe(
      'NOT_FOUND',
    );
  });
});
