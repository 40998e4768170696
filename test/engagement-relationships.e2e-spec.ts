import { QueueService } from '@tsunagu/core';
import { EngagementRelationshipService } from '@tsunagu/engagements';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { Client } from 'pg';
import { drained, eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const ADD_CHECK_IN = `mutation($input: AddCheckInInput!) { addCheckIn(input: $input) { id } }`;
const APPROVE_HOURS = `mutation($id: ID!) { approveCheckInHours(checkInId: $id) { id } }`;
const GIVE_FEEDBACK = `mutation($input: GiveEngagementFeedbackInput!) {
  giveEngagementFeedback(input: $input) { id side rating comment authorName } }`;
const FEEDBACK = `query($id: ID!) { engagementFeedback(engagementId: $id) { side rating comment } }`;
const COMPLETION = `query($id: ID!) { engagementCompletion(engagementId: $id) {
  engagementId participantName projectTitle regionName startDate endDate approvedHours
  approvedCheckIns completedAt } }`;
const FOLLOW_UP_FIELDS = `id engagementId projectTitle dueMonths dueAt outcomes note recordedByName
  recordedAt notifiedAt`;
const MY_FOLLOW_UPS = `query { myFollowUps { ${FOLLOW_UP_FIELDS} } }`;
const DUE_FOLLOW_UPS = `query { dueFollowUps { ${FOLLOW_UP_FIELDS} } }`;
const RECORD = `mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) {
  ${FOLLOW_UP_FIELDS} } }`;
const RELATIONSHIP_FIELDS = `participantId participantName regionOrganizationId regionName
  firstEngagementAt engagementsCompleted lastOutcomes lastContactAt`;
const MY_RELATIONSHIPS = `query { myRegionRelationships { ${RELATIONSHIP_FIELDS} } }`;
const REGION_RELATIONSHIPS = `query($id: ID!) { regionRelationships(regionOrganizationId: $id) {
  ${RELATIONSHIP_FIELDS} } }`;

const TERMS = { startDate: '2027-01-10', hoursPerWeek: 4, goals: '町の発信を整える' };
const DAY_MS = 24 * 3600 * 1000;

describe('after completion: feedback, follow-ups and region relationships through GraphQL', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let regionStaff: Person;
  let otherRegionStaff: Person;
  let interStaff: Person;
  let interColleague: Person;
  let outsider: Person;
  let regionId: string;
  let projectId: string;
  let secondProjectId: string;

  const transition = async (person: Person, input: Record<string, unknown>) =>
    expectData(await platform.gql(TRANSITION, { input }, person.token)).transitionEngagement;

  // An engagement taken as far as `until`: APPROVED, ACTIVE or COMPLETED.
  const engagement = async (
    participant: Person,
    until: 'APPROVED' | 'ACTIVE' | 'COMPLETED',
    project = projectId,
  ): Promise<string> => {
    const id = expectData(
      await platform.gql(
        APPLY,
        { input: { projectId: project, motivation: '週末に町の発信を手伝いたいです。' } },
        participant.token,
      ),
    ).applyToProject.id as string;
    await transition(regionStaff, { engagementId: id, action: 'ACCEPT' });
    await transition(interStaff, { engagementId: id, action: 'APPROVE', terms: TERMS });
    if (until === 'APPROVED') return id;
    await transition(interStaff, { engagementId: id, action: 'START' });
    if (until === 'ACTIVE') return id;
    await transition(interStaff, { engagementId: id, action: 'COMPLETE' });
    return id;
  };
  const feedback = (person: Person, input: Record<string, unknown>) =>
    platform.gql(GIVE_FEEDBACK, { input }, person.token);
  const record = (person: Person, input: Record<string, unknown>) =>
    platform.gql(RECORD, { input }, person.token);
  const myFollowUps = async (person: Person) =>
    expectData(await platform.gql(MY_FOLLOW_UPS, {}, person.token)).myFollowUps as any[];

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub', 'niigata-hub-2'],
      project: { capacity: 20 },
    });
    ({ regionStaff, regionId, projectId } = scene);
    [interStaff, interColleague] = scene.hubTeam;
    const admin = scene.admin;
    otherRegionStaff = await f.signUp('sapporo');
    outsider = await f.signUp('hokkaido-hub');
    await f.region(admin, '015431', [otherRegionStaff]);
    await f.intermediary(admin, { prefectureCodes: ['01'] }, [outsider]);
    secondProjectId = await f.publishedProject(interStaff, regionStaff, regionId, {
      capacity: 20,
      title: '棚田の保全ボランティア',
    });
  });

  afterAll(() => platform.close());

  it('takes feedback from each side once after completion, and issues the completion record', async () => {
    const mai = await f.participant('mai');
    const id = await engagement(mai, 'ACTIVE');
    const early = rejection(await feedback(mai, { engagementId: id, rating: 5 }));
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_STATUS' });
    expect(early.message).toBe('Feedback is given once the engagement is COMPLETED (it is ACTIVE)');
    expect(rejection(await platform.gql(COMPLETION, { id }, mai.token)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'WRONG_STATUS',
    });

    const counted = expectData(
      await platform.gql(
        ADD_CHECK_IN,
        { input: { engagementId: id, summary: '空き家の写真を整理', hours: 2.5 } },
        mai.token,
      ),
    ).addCheckIn.id;
    expectData(await platform.gql(APPROVE_HOURS, { id: counted }, regionStaff.token));
    expectData(
      await platform.gql(
        ADD_CHECK_IN,
        { input: { engagementId: id, summary: '記事の下書き', hours: 1.5 } },
        mai.token,
      ),
    );
    await transition(interStaff, { engagementId: id, action: 'COMPLETE' });

    const bad = rejection(
      await feedback(mai, { engagementId: id, rating: 6, comment: 'x'.repeat(4001) }),
    );
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fields).toEqual([
      { path: ['input', 'rating'], message: 'must be a whole number from 1 to 5' },
      { path: ['input', 'comment'], message: 'must be at most 4,000 characters' },
    ]);
    expect(
      expectData(
        await feedback(mai, { engagementId: id, rating: 5, comment: '温かく迎えてもらいました' }),
      ).giveEngagementFeedback,
    ).toMatchObject({ side: 'PARTICIPANT', rating: 5, authorName: 'mai' });
    const again = rejection(await feedback(mai, { engagementId: id, rating: 4 }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });
    expect(again.message).toBe('The participant has already given feedback on this engagement');
    expect(
      expectData(await feedback(regionStaff, { engagementId: id, rating: 4 }))
        .giveEngagementFeedback,
    ).toMatchObject({ side: 'REGION', rating: 4, comment: null });
    expect(
      rejection(await feedback(regionStaff, { engagementId: id, rating: 4 })).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });
    expect(
      rejection(await feedback(interStaff, { engagementId: id, rating: 4 })).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await feedback(outsider, { engagementId: id, rating: 4 })).extensions.code,
    ).toBe('NOT_FOUND');

    for (const viewer of [mai, regionStaff, interColleague]) {
      expect(expectData(await platform.gql(FEEDBACK, { id }, viewer.token))).toEqual({
        engagementFeedback: [
          { side: 'PARTICIPANT', rating: 5, comment: '温かく迎えてもらいました' },
          { side: 'REGION', rating: 4, comment: null },
        ],
      });
    }
    expect(rejection(await platform.gql(FEEDBACK, { id }, outsider.token)).extensions.code).toBe(
      'NOT_FOUND',
    );

    const completion = expectData(
      await platform.gql(COMPLETION, { id }, regionStaff.token),
    ).engagementCompletion;
    expect(completion).toMatchObject({
      engagementId: id,
      participantName: 'mai',
      projectTitle: '空き家バンクの立て直し',
      startDate: '2027-01-10',
      endDate: null,
      approvedHours: 2.5,
      approvedCheckIns: 1,
    });
    expect(completion.regionName).toBeTruthy();
    expect(completion.completedAt).toBeTruthy();
    expect(rejection(await platform.gql(COMPLETION, { id }, outsider.token)).extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('follows up 3, 6 and 12 months on, notifies once when due, and keeps the relationship', async () => {
    const schedulers = await eventually(async () => {
      const list = await platform.api.get(QueueService).queue('engagements').getJobSchedulers();
      return list.some((s) => s.key === 'engagements.follow-ups-due') ? list : null;
    });
    expect(schedulers.map((s) => s.key)).toContain('engagements.follow-ups-due');

    const sora = await f.participant('sora');
    const id = await engagement(sora, 'COMPLETED');
    const completedAt = new Date(
      expectData(await platform.gql(COMPLETION, { id }, sora.token)).engagementCompletion
        .completedAt,
    ).getTime();
    const followUps = await myFollowUps(sora);
    expect(followUps.map((x) => x.dueMonths)).toEqual([3, 6, 12]);
    for (const x of followUps) {
      const days = (new Date(x.dueAt).getTime() - completedAt) / DAY_MS;
      expect(days).toBeGreaterThanOrEqual(28 * x.dueMonths);
      expect(days).toBeLessThanOrEqual(31 * x.dueMonths + 1);
      expect(x).toMatchObject({ engagementId: id, outcomes: null, recordedAt: null });
    }
    const [three, six, twelve] = followUps;

    const [relationship] = expectData(
      await platform.gql(MY_RELATIONSHIPS, {}, sora.token),
    ).myRegionRelationships;
    expect(relationship).toMatchObject({
      participantId: sora.id,
      regionOrganizationId: regionId,
      engagementsCompleted: 1,
      lastOutcomes: [],
      // The approved start lies after this (early) completion: the earlier of the two counts.
      firstEngagementAt: new Date(completedAt).toISOString(),
    });

    const notYet = rejection(await record(sora, { followUpId: three.id, outcomes: ['REVISITED'] }));
    expect(notYet.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DUE_YET' });
    expect(notYet.message).toMatch(/^This follow-up is not due until \d{4}-\d{2}-\d{2}$/);

    // Three months pass.
    await platform.dataSource.query(
      `UPDATE follow_up SET due_at = now() - interval '1 day' WHERE id = $1`,
      [three.id],
    );
    const sweep = platform.worker!.get(EngagementRelationshipService);
    expect((await sweep.notifyDueFollowUps()).followUps).toBe(1);
    expect((await sweep.notifyDueFollowUps()).followUps).toBe(0);
    const notified = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, type FROM notification WHERE event_key = $1`,
        [`follow-up-due.${three.id}`],
      );
      return rows.length === 2 && rows;
    });
    expect(notified.map((n: any) => n.recipient_id).sort()).toEqual(
      [sora.id, interStaff.id].sort(),
    );
    expect(notified.every((n: any) => n.type === 'FOLLOW_UP_DUE')).toBe(true);
    expect(
      await platform.dataSource.query(`SELECT 1 FROM notification WHERE event_key = ANY($1)`, [
        [`follow-up-due.${six.id}`, `follow-up-due.${twelve.id}`],
      ]),
    ).toHaveLength(0);

    const due = expectData(await platform.gql(DUE_FOLLOW_UPS, {}, interColleague.token))
      .dueFollowUps as any[];
    expect(due.filter((x) => x.engagementId === id).map((x) => x.id)).toEqual([three.id]);
    expect(due.find((x) => x.id === three.id).notifiedAt).toBeTruthy();
    const outsiderDue = expectData(await platform.gql(DUE_FOLLOW_UPS, {}, outsider.token))
      .dueFollowUps as any[];
    expect(outsiderDue.some((x) => x.id === three.id)).toBe(false);
    expect(
      rejection(await platform.gql(DUE_FOLLOW_UPS, {}, regionStaff.token)).extensions.code,
    ).toBe('FORBIDDEN');

    expect(
      rejection(await record(regionStaff, { followUpId: three.id, outcomes: ['REVISITED'] }))
        .extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await record(outsider, { followUpId: three.id, outcomes: ['REVISITED'] }))
        .extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      rejection(await record(sora, { followUpId: three.id, outcomes: [] })).extensions.fields,
    ).toEqual([{ path: ['input', 'outcomes'], message: 'must name at least one outcome' }]);
    expect(
      rejection(await record(sora, { followUpId: three.id, outcomes: ['REVISITED', 'REVISITED'] }))
        .extensions.fields,
    ).toEqual([{ path: ['input', 'outcomes'], message: 'must not repeat an outcome' }]);
    const recorded = expectData(
      await record(sora, {
        followUpId: three.id,
        outcomes: ['REVISITED', 'FURUSATO_NOZEI'],
        note: '夏祭りに参加して、ふるさと納税もしました',
      }),
    ).recordFollowUp;
    expect(recorded).toMatchObject({
      outcomes: ['REVISITED', 'FURUSATO_NOZEI'],
      recordedByName: 'sora',
      note: '夏祭りに参加して、ふるさと納税もしました',
    });
    expect(
      rejection(await record(interStaff, { followUpId: three.id, outcomes: ['LOST_TOUCH'] }))
        .extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });

    for (const viewer of [regionStaff, interStaff]) {
      const list = expectData(
        await platform.gql(REGION_RELATIONSHIPS, { id: regionId }, viewer.token),
      ).regionRelationships as any[];
      const mine = list.find((r) => r.participantId === sora.id);
      expect(mine).toMatchObject({
        participantName: 'sora',
        engagementsCompleted: 1,
        lastOutcomes: ['REVISITED', 'FURUSATO_NOZEI'],
      });
      expect(new Date(mine.lastContactAt).getTime()).toBeGreaterThan(
        new Date(relationship.lastContactAt).getTime(),
      );
    }
    for (const viewer of [outsider, otherRegionStaff, sora]) {
      expect(
        rejection(await platform.gql(REGION_RELATIONSHIPS, { id: regionId }, viewer.token))
          .extensions.code,
      ).toBe('NOT_FOUND');
    }

    // Two sweeps race for the six-month follow-up: one has read it as due when the other
    // claims it. The late one must neither count it nor announce it again.
    await platform.dataSource.query(
      `UPDATE follow_up SET due_at = now() - interval '1 day' WHERE id = $1`,
      [six.id],
    );
    const rival = new Client({ connectionString: platform.databaseUrl });
    await rival.connect();
    try {
      await rival.query('BEGIN');
      await rival.query('SELECT 1 FROM follow_up WHERE id = $1 FOR UPDATE', [six.id]);
      const late = sweep.notifyDueFollowUps();
      await eventually(async () => {
        const [{ n }] = await platform.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query ILIKE 'UPDATE follow_up SET notified_at%'`,
        );
        return n > 0;
      });
      await rival.query('UPDATE follow_up SET notified_at = now() WHERE id = $1', [six.id]);
      await rival.query('COMMIT');
      expect((await late).followUps).toBe(0);
    } finally {
      await rival.end();
    }
    await drained(platform);
    expect(
      await platform.dataSource.query(`SELECT 1 FROM notification WHERE event_key = $1`, [
        `follow-up-due.${six.id}`,
      ]),
    ).toHaveLength(0);
  });

  it('records a new engagement with the same region on the next open follow-up', async () => {
    const riku = await f.participant('riku');
    const first = await engagement(riku, 'COMPLETED');
    await engagement(riku, 'APPROVED', secondProjectId);

    const [three, six, twelve] = await myFollowUps(riku);
    expect(three).toMatchObject({
      engagementId: first,
      outcomes: ['NEW_ENGAGEMENT'],
      recordedByName: null,
      note: 'Approved for 棚田の保全ボランティア',
    });
    expect(three.recordedAt).toBeTruthy();
    // Later follow-ups still ask how the relationship is going.
    expect([six.outcomes, twelve.outcomes]).toEqual([null, null]);
    expect(
      expectData(await platform.gql(MY_RELATIONSHIPS, {}, riku.token)).myRegionRelationships,
    ).toMatchObject([{ engagementsCompleted: 1, lastOutcomes: ['NEW_ENGAGEMENT'] }]);

    // The second engagement completes too: one relationship, two engagements, six follow-ups.
    const [approved] = (
      await platform.dataSource.query(
        `SELECT id FROM engagement WHERE participant_id = $1 AND project_id = $2`,
        [riku.id, secondProjectId],
      )
    ).map((r: any) => r.id as string);
    await transition(interStaff, { engagementId: approved, action: 'START' });
    await transition(regionStaff, { engagementId: approved, action: 'COMPLETE' });
    expect(await myFollowUps(riku)).toHaveLength(6);
    expect(
      expectData(await platform.gql(MY_RELATIONSHIPS, {}, riku.token)).myRegionRelationships,
    ).toMatchObject([{ regionOrganizationId: regionId, engagementsCompleted: 2 }]);
  });
});
