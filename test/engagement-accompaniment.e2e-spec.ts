import { QueueService } from '@tsunagu/core';
import { EngagementHealthService } from '@tsunagu/engagements';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const ADD_CHECK_IN = `mutation($input: AddCheckInInput!) { addCheckIn(input: $input) {
  id engagementId summary hours mood blocked approvedAt } }`;
const APPROVE_HOURS = `mutation($id: ID!) { approveCheckInHours(checkInId: $id) {
  id hours approvedAt approvedByName } }`;
const CHECK_INS = `query($id: ID!) { engagementCheckIns(engagementId: $id) {
  id summary hours blocked approvedAt } }`;
const ADD_NOTE = `mutation($input: AddEngagementNoteInput!) { addEngagementNote(input: $input) {
  id visibility body authorName } }`;
const NOTES = `query($id: ID!) { engagementNotes(engagementId: $id) { visibility body } }`;
const ADD_MILESTONE = `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) {
  id title dueDate doneAt } }`;
const COMPLETE_MILESTONE = `mutation($id: ID!) { completeMilestone(milestoneId: $id) { id doneAt } }`;
const MILESTONES = `query($id: ID!) { engagementMilestones(engagementId: $id) { title doneAt } }`;
const SUPERVISED = `query($health: EngagementHealth, $first: Int) {
  supervisedEngagements(health: $health, first: $first) {
    edges { node { engagement { id status } health lastCheckInAt overdueMilestones } }
    pageInfo { hasNextPage endCursor } } }`;

const HEALTH_COUNTS = `{ supervisedHealthCounts { health count } }`;

const TERMS = { startDate: '2027-01-10', hoursPerWeek: 4, goals: '町の発信を整える' };

describe('engagement accompaniment through GraphQL', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let regionStaff: Person;
  let interStaff: Person;
  let interColleague: Person;
  let outsider: Person;
  // Another intermediary whose remit also covers the project's town.
  let neighbour: Person;
  let projectId: string;

  // An engagement taken to APPROVED (and on to ACTIVE unless told otherwise).
  const engagement = async (participant: Person, start = true): Promise<string> => {
    const id = expectData(
      await platform.gql(
        APPLY,
        { input: { projectId, motivation: '週末に町の発信を手伝いたいです。' } },
        participant.token,
      ),
    ).applyToProject.id as string;
    const steps: Array<[Person, Record<string, unknown>]> = [
      [regionStaff, { action: 'ACCEPT' }],
      [interStaff, { action: 'APPROVE', terms: TERMS }],
    ];
    if (start) steps.push([interStaff, { action: 'START' }]);
    for (const [person, input] of steps) {
      expectData(
        await platform.gql(TRANSITION, { input: { engagementId: id, ...input } }, person.token),
      );
    }
    return id;
  };
  const checkIn = (person: Person, input: Record<string, unknown>) =>
    platform.gql(ADD_CHECK_IN, { input }, person.token);
  const note = (person: Person, input: Record<string, unknown>) =>
    platform.gql(ADD_NOTE, { input }, person.token);
  const healthOf = async (viewer: Person, id: string, health?: string) => {
    const edges = expectData(await platform.gql(SUPERVISED, { health, first: 100 }, viewer.token))
      .supervisedEngagements.edges as Array<{ node: any }>;
    return edges.find((e) => e.node.engagement.id === id)?.node;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub', 'niigata-hub-2'],
      project: { capacity: 20 },
    });
    ({ regionStaff, projectId } = scene);
    [interStaff, interColleague] = scene.hubTeam;
    const admin = scene.admin;
    outsider = await f.signUp('hokkaido-hub');
    await f.intermediary(admin, { prefectureCodes: ['01'] }, [outsider]);
    neighbour = await f.signUp('ojiya-support');
    await f.intermediary(admin, { municipalityCodes: ['152081'] }, [neighbour]);
  });

  afterAll(() => platform.close());

  it('takes check-ins while active only, and counts hours once the region approves them', async () => {
    const yuki = await f.participant('yuki');
    const waiting = await engagement(yuki, false);
    const early = rejection(
      await checkIn(yuki, { engagementId: waiting, summary: '準備しました', hours: 1 }),
    );
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
    expect(early.message).toBe(
      'Cannot check in an engagement that is APPROVED (only while ACTIVE)',
    );

    const mai = await f.participant('mai');
    const id = await engagement(mai);
    const bad = rejection(
      await checkIn(mai, { engagementId: id, summary: ' ', hours: 80.5, mood: 6 }),
    );
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fields).toEqual([
      { path: ['input', 'summary'], message: 'must say what was done' },
      { path: ['input', 'hours'], message: 'must be from 0 to 80, in steps of 0.1' },
      { path: ['input', 'mood'], message: 'must be a whole number from 1 to 5' },
    ]);
    expect(
      rejection(await checkIn(regionStaff, { engagementId: id, summary: '代わりに報告', hours: 1 }))
        .extensions.code,
    ).toBe('FORBIDDEN');

    const first = expectData(
      await checkIn(mai, { engagementId: id, summary: '空き家の写真を整理', hours: 2.5, mood: 4 }),
    ).addCheckIn;
    expect(first).toMatchObject({ hours: 2.5, mood: 4, blocked: false, approvedAt: null });

    expect(
      rejection(await platform.gql(APPROVE_HOURS, { id: first.id }, mai.token)).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await platform.gql(APPROVE_HOURS, { id: first.id }, outsider.token)).extensions
        .code,
    ).toBe('NOT_FOUND');
    const approved = expectData(
      await platform.gql(APPROVE_HOURS, { id: first.id }, regionStaff.token),
    ).approveCheckInHours;
    expect(approved).toMatchObject({ hours: 2.5, approvedByName: 'ojiya' });
    expect(approved.approvedAt).toBeTruthy();
    expect(
      rejection(await platform.gql(APPROVE_HOURS, { id: first.id }, regionStaff.token)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });

    expectData(await checkIn(mai, { engagementId: id, summary: '記事の下書き', hours: 1.5 }));
    for (const viewer of [mai, regionStaff, interStaff]) {
      const list = expectData(await platform.gql(CHECK_INS, { id }, viewer.token))
        .engagementCheckIns as Array<{ hours: number; approvedAt: string | null }>;
      expect(list.map((c) => c.hours)).toEqual([1.5, 2.5]);
      const approvedHours = list.filter((c) => c.approvedAt).reduce((s, c) => s + c.hours, 0);
      expect(approvedHours).toBe(2.5);
    }
    expect(rejection(await platform.gql(CHECK_INS, { id }, outsider.token)).extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it("keeps the intermediary's private notes from participant and region", async () => {
    const ken = await f.participant('ken');
    const id = await engagement(ken);
    expectData(
      await note(interStaff, {
        engagementId: id,
        visibility: 'INTERMEDIARY_PRIVATE',
        body: '本人は少し疲れ気味。来週電話する',
      }),
    );
    expectData(
      await note(regionStaff, { engagementId: id, visibility: 'REGION_SHARED', body: '順調です' }),
    );
    for (const writer of [ken, regionStaff]) {
      expect(
        rejection(
          await note(writer, { engagementId: id, visibility: 'INTERMEDIARY_PRIVATE', body: 'x' }),
        ).extensions.code,
      ).toBe('FORBIDDEN');
    }
    expect(
      rejection(await note(ken, { engagementId: id, visibility: 'REGION_SHARED', body: 'x' }))
        .extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await note(outsider, { engagementId: id, visibility: 'REGION_SHARED', body: 'x' }))
        .extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      rejection(
        await note(interStaff, { engagementId: id, visibility: 'REGION_SHARED', body: ' ' }),
      ).extensions.fields,
    ).toEqual([{ path: ['input', 'body'], message: 'must not be empty' }]);

    // Private means private to the writer's intermediary, even from one covering the same town.
    for (const viewer of [ken, regionStaff, neighbour]) {
      const notes = expectData(await platform.gql(NOTES, { id }, viewer.token)).engagementNotes;
      expect(notes).toEqual([{ visibility: 'REGION_SHARED', body: '順調です' }]);
    }
    for (const viewer of [interStaff, interColleague]) {
      const notes = expectData(await platform.gql(NOTES, { id }, viewer.token)).engagementNotes;
      expect(notes.map((n: any) => n.visibility).sort()).toEqual([
        'INTERMEDIARY_PRIVATE',
        'REGION_SHARED',
      ]);
    }
    expect(rejection(await platform.gql(NOTES, { id }, outsider.token)).extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('needs attention while a milestone is overdue or the participant is blocked', async () => {
    const aoi = await f.participant('aoi');
    const id = await engagement(aoi);
    expect(await healthOf(interStaff, id)).toMatchObject({
      health: 'ON_TRACK',
      overdueMilestones: 0,
      lastCheckInAt: null,
    });
    expect(
      rejection(
        await platform.gql(
          ADD_MILESTONE,
          { input: { engagementId: id, title: '初回報告', dueDate: '2020-01-01' } },
          aoi.token,
        ),
      ).extensions.code,
    ).toBe('FORBIDDEN');
    const milestone = expectData(
      await platform.gql(
        ADD_MILESTONE,
        { input: { engagementId: id, title: '初回報告', dueDate: '2020-01-01' } },
        regionStaff.token,
      ),
    ).addMilestone;
    expect(milestone).toMatchObject({ title: '初回報告', dueDate: '2020-01-01', doneAt: null });

    expect(await healthOf(interStaff, id)).toMatchObject({
      health: 'NEEDS_ATTENTION',
      overdueMilestones: 1,
    });
    expect(await healthOf(interStaff, id, 'NEEDS_ATTENTION')).toBeDefined();
    expect(await healthOf(interStaff, id, 'ON_TRACK')).toBeUndefined();
    // Outside the remit: not listed at all. Not intermediary staff: no dashboard.
    expect(await healthOf(outsider, id)).toBeUndefined();
    expect(rejection(await platform.gql(SUPERVISED, {}, regionStaff.token)).extensions.code).toBe(
      'FORBIDDEN',
    );

    expectData(await platform.gql(COMPLETE_MILESTONE, { id: milestone.id }, aoi.token));
    expect(
      rejection(await platform.gql(COMPLETE_MILESTONE, { id: milestone.id }, aoi.token)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });
    expect(
      expectData(await platform.gql(MILESTONES, { id }, regionStaff.token)).engagementMilestones[0]
        .doneAt,
    ).toBeTruthy();
    expect((await healthOf(interStaff, id))?.health).toBe('ON_TRACK');

    expectData(
      await checkIn(aoi, {
        engagementId: id,
        summary: '先方と連絡が取れない',
        hours: 0,
        blocked: true,
      }),
    );
    expect((await healthOf(interStaff, id, 'NEEDS_ATTENTION'))?.health).toBe('NEEDS_ATTENTION');
    expectData(await checkIn(aoi, { engagementId: id, summary: '解決しました', hours: 1 }));
    expect((await healthOf(interStaff, id))?.health).toBe('ON_TRACK');
  });

  it('counts every supervised engagement per health, as the list classifies them', async () => {
    const counts = async (viewer: Person): Promise<Record<string, number>> =>
      Object.fromEntries(
        (
          expectData(await platform.gql(HEALTH_COUNTS, {}, viewer.token))
            .supervisedHealthCounts as Array<{ health: string; count: number }>
        ).map((c) => [c.health, c.count]),
      );
    // Every page of the list, small pages so the count cannot be one page's length.
    const listed = async (viewer: Person, health: string): Promise<number> => {
      let total = 0;
      let after: string | null = null;
      do {
        const page: any = expectData(
          await platform.gql(
            `query($health: EngagementHealth, $after: String) {
              supervisedEngagements(health: $health, first: 2, after: $after) {
                edges { node { health } } pageInfo { hasNextPage endCursor } } }`,
            { health, after },
            viewer.token,
          ),
        ).supervisedEngagements;
        expect(page.edges.every((e: any) => e.node.health === health)).toBe(true);
        total += page.edges.length;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return total;
    };
    const before = await counts(interStaff);
    const outsiderBefore = await counts(outsider);
    const started = await Promise.all(
      ['nagi', 'hina', 'ren'].map(async (name) => engagement(await f.participant(name))),
    );
    const late = started[0];
    expectData(
      await platform.gql(
        ADD_MILESTONE,
        { input: { engagementId: late, title: '中間報告', dueDate: '2020-02-01' } },
        interStaff.token,
      ),
    );
    const after = await counts(interStaff);
    expect(Object.keys(after).sort()).toEqual(['NEEDS_ATTENTION', 'ON_TRACK', 'STALE']);
    expect(after.ON_TRACK).toBe(before.ON_TRACK + 2);
    expect(after.NEEDS_ATTENTION).toBe(before.NEEDS_ATTENTION + 1);
    expect(after.STALE).toBe(before.STALE);
    for (const health of ['ON_TRACK', 'NEEDS_ATTENTION', 'STALE']) {
      expect(await listed(interStaff, health)).toBe(after[health]);
    }
    // Outside the remit nothing moved; no dashboard for anyone on no intermediary's staff.
    expect(await counts(outsider)).toEqual(outsiderBefore);
    expect(
      rejection(await platform.gql(HEALTH_COUNTS, {}, regionStaff.token)).extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('goes stale without check-ins and alerts the supervising staff once, however often the sweep runs', async () => {
    // The worker schedules the registry's sweeps when it starts: one job per sweep, hourly (the
    // activity days' reminders every quarter of an hour).
    const HOUR = 60 * 60 * 1000;
    const sweeps = [
      { key: 'engagements.activity-day-reminders', every: HOUR / 4 },
      { key: 'engagements.flag-stale', every: HOUR },
      { key: 'engagements.flag-unanswered', every: HOUR },
      { key: 'engagements.follow-ups-due', every: HOUR },
    ];
    const schedulers = await eventually(async () => {
      const list = await platform.api.get(QueueService).queue('engagements').getJobSchedulers();
      return list.length === sweeps.length ? list : null;
    });
    expect(
      schedulers
        .map((s) => ({ key: s.key, every: Number(s.every) }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    ).toEqual(sweeps);

    const sora = await f.participant('sora');
    const id = await engagement(sora);
    const quiet = await engagement(await f.participant('riku'));
    expectData(await checkIn(sora, { engagementId: id, summary: '初日', hours: 3 }));
    expect((await healthOf(interStaff, id))?.health).toBe('ON_TRACK');

    // Fifteen days pass (ENGAGEMENT_STALE_DAYS defaults to 14).
    await platform.dataSource.query(
      `UPDATE engagement SET status_changed_at = now() - interval '20 days' WHERE id = ANY($1)`,
      [[id, quiet]],
    );
    await platform.dataSource.query(
      `UPDATE engagement_check_in SET created_at = now() - interval '15 days' WHERE engagement_id = $1`,
      [id],
    );
    expect(await healthOf(interStaff, id)).toMatchObject({ health: 'STALE' });
    expect((await healthOf(interColleague, quiet, 'STALE'))?.health).toBe('STALE');

    const sweep = platform.worker!.get(EngagementHealthService);
    await sweep.flagStale();
    await sweep.flagStale();

    const alerts = await platform.dataSource.query(
      `SELECT engagement_id, kind FROM engagement_alert WHERE engagement_id = ANY($1)`,
      [[id, quiet]],
    );
    expect(alerts).toHaveLength(2);
    expect(alerts.every((a: any) => a.kind === 'STALE')).toBe(true);
    // The notification worker tells the supervising staff, once each.
    const notified = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, type FROM notification WHERE event_key LIKE $1`,
        [`engagement-stale.${id}.%`],
      );
      return rows.length === 2 && rows;
    });
    expect(notified.map((n: any) => n.recipient_id).sort()).toEqual(
      [interStaff.id, interColleague.id].sort(),
    );
    expect(notified.every((n: any) => n.type === 'ENGAGEMENT_STALE')).toBe(true);

    // A new check-in ends the quiet period; a later one would be a new alert.
    expectData(await checkIn(sora, { engagementId: id, summary: '再開しました', hours: 2 }));
    expect((await healthOf(interStaff, id))?.health).toBe('ON_TRACK');
  });

  it("follows the program's own check-in rhythm when it sets one", async () => {
    const [{ regionId, intermediaryId }] = await platform.dataSource.query(
      `SELECT p.region_organization_id AS "regionId",
              (SELECT m.organization_id FROM membership m WHERE m.user_id = $2 LIMIT 1) AS "intermediaryId"
       FROM project p WHERE p.id = $1`,
      [projectId, interStaff.id],
    );
    const programId = expectData(
      await platform.gql(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        { input: { intermediaryOrganizationId: intermediaryId, name: '月イチ伴走プログラム' } },
        interStaff.token,
      ),
    ).createProgram.id as string;
    const SET = `mutation($id: ID!, $days: Int) { setProgramStaleAfterDays(programId: $id, days: $days) { staleAfterDays } }`;
    expect(
      rejection(await platform.gql(SET, { id: programId, days: 0 }, interStaff.token)).extensions
        ?.fields,
    ).toEqual([{ path: ['days'], message: 'must be a whole number of days from 1 to 365' }]);
    expect(
      rejection(await platform.gql(SET, { id: programId, days: 30 }, regionStaff.token)).extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      expectData(await platform.gql(SET, { id: programId, days: 30 }, interStaff.token))
        .setProgramStaleAfterDays,
    ).toEqual({ staleAfterDays: 30 });

    const staff = regionStaff;
    const inProgram = await f.publishedProject(interStaff, staff, regionId, {
      capacity: 5,
      programId,
    });
    const saved = projectId;
    projectId = inProgram;
    const id = await engagement(await f.participant('monthly'));
    projectId = saved;
    // Twenty quiet days: stale by the default (14), not by this program's 30.
    await platform.dataSource.query(
      `UPDATE engagement SET status_changed_at = now() - interval '20 days' WHERE id = $1`,
      [id],
    );
    expect((await healthOf(interStaff, id))?.health).toBe('ON_TRACK');
    expectData(await platform.gql(SET, { id: programId, days: 10 }, interStaff.token));
    expect((await healthOf(interStaff, id))?.health).toBe('STALE');
  });
});
