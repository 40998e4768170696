import { EngagementResponseService } from '@tsunagu/engagements';
import { expectData, Fixtures, PASSWORD, Person, rejection } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) {
  transitionEngagement(input: $input) { id status } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { id status pausedAt pauseReason } }`;
const HISTORY = `query($projectId: ID!) { projectHistory(projectId: $projectId) {
  action actorId comment fromStatus toStatus changedFields } }`;
const SCOUT = `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`;
const RESPOND = `mutation($input: RespondToScoutOfferInput!) {
  respondToScoutOffer(input: $input) { status } }`;
const SEARCH = `query($filter: ProjectFilter) { projects(filter: $filter, first: 100) {
  edges { node { id } } } }`;
const OVERDUE = `query($first: Int, $after: String) { overdueApplications(first: $first, after: $after) {
  edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;

const DELETE = `mutation($input: DeleteAccountInput!) { deleteMyAccount(input: $input) }`;
const MOTIVATION = '週末に町の発信を手伝いたいです。';

describe('response rules for applications through GraphQL', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let regionStaff: Person;
  let interStaff: Person;
  let interColleague: Person;
  let outsider: Person;
  let regionId: string;
  let sweep: EngagementResponseService;

  const publishedProject = async (): Promise<string> => {
    const id = await f.publishedProject(interStaff, regionStaff, regionId, { capacity: 20 });
    return id;
  };
  const apply = (participant: Person, projectId: string) =>
    platform.gql(APPLY, { input: { projectId, motivation: MOTIVATION } }, participant.token);
  const scout = (sender: Person, projectId: string, participant: Person) =>
    platform.gql(
      SCOUT,
      { input: { projectId, participantId: participant.id, message: '一緒に取り組みませんか' } },
      sender.token,
    );
  const respond = (participant: Person, offerId: string, response: string) =>
    platform.gql(RESPOND, { input: { offerId, response } }, participant.token);
  const applied = async (label: string, projectId: string): Promise<string> =>
    expectData(await apply(await f.participant(label), projectId)).applyToProject.id as string;
  // Days pass for these applications: no sleeping, their submission moves back.
  const submittedDaysAgo = (ids: string[], days: number) =>
    platform.dataSource.query(
      `UPDATE engagement SET created_at = now() - make_interval(days => $2) WHERE id = ANY($1)`,
      [ids, days],
    );
  const answer = (id: string, input: Record<string, unknown>) =>
    platform.gql(TRANSITION, { input: { engagementId: id, ...input } }, regionStaff.token);
  const projectOf = async (id: string) =>
    expectData(await platform.gql(PROJECT, { id }, regionStaff.token)).project;
  const searchIds = async (): Promise<string[]> =>
    expectData(
      await platform.gql(SEARCH, { filter: { municipalityCode: '152081' } }),
    ).projects.edges.map((e: any) => e.node.id);
  const overdueIds = async (viewer: Person): Promise<string[]> =>
    expectData(
      await platform.gql(OVERDUE, { first: 100 }, viewer.token),
    ).overdueApplications.edges.map((e: any) => e.node.id);

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub', ['niigata-hub-2', 'en']],
      project: false,
    });
    ({ admin, regionStaff, regionId } = scene);
    [interStaff, interColleague] = scene.hubTeam;
    outsider = await f.signUp('hokkaido-hub');
    await f.intermediary(admin, { prefectureCodes: ['01'] }, [outsider]);
    // No worker: the scheduled sweep cannot race the runs this test makes itself.
    sweep = platform.api.get(EngagementResponseService);
  });

  afterAll(() => platform.close());

  it('flags an application left unanswered past the period once, however often the sweep runs', async () => {
    const projectId = await publishedProject();
    const late = await applied('yuki', projectId);
    const recent = await applied('mai', projectId);
    // APPLICATION_RESPONSE_DAYS defaults to 7: eight days is overdue, six is not yet.
    await submittedDaysAgo([late], 8);
    await submittedDaysAgo([recent], 6);

    await sweep.flagUnanswered();
    const again = await sweep.flagUnanswered();
    expect(again).toMatchObject({ alerts: 0, paused: 0 });

    const alerts = await platform.dataSource.query(
      `SELECT engagement_id, kind FROM engagement_alert WHERE engagement_id = ANY($1)`,
      [[late, recent]],
    );
    expect(alerts).toEqual([{ engagement_id: late, kind: 'UNANSWERED' }]);
    const notified = await eventually(async () => {
      const rows = await platform.dataSource.query(
        `SELECT recipient_id, type, title FROM notification WHERE event_key LIKE $1`,
        [`application-unanswered.${late}.%`],
      );
      return rows.length === 2 && rows;
    });
    expect(notified.map((n: any) => n.recipient_id).sort()).toEqual(
      [interStaff.id, interColleague.id].sort(),
    );
    expect(notified.every((n: any) => n.type === 'APPLICATION_UNANSWERED')).toBe(true);
    expect(notified.map((n: any) => n.title).sort()).toEqual([
      'An application is waiting for an answer',
      '未回答の応募があります',
    ]);
    expect(
      await platform.dataSource.query(`SELECT 1 FROM notification WHERE event_key LIKE $1`, [
        `application-unanswered.${recent}.%`,
      ]),
    ).toHaveLength(0);

    // One overdue application is flagged but does not pause the project (the threshold is 3).
    expect(await projectOf(projectId)).toMatchObject({ status: 'PUBLISHED', pausedAt: null });

    // The supervisors' list: in remit only, not-yet-overdue ones left out.
    for (const viewer of [interStaff, interColleague]) {
      const ids = await overdueIds(viewer);
      expect(ids).toContain(late);
      expect(ids).not.toContain(recent);
    }
    expect(await overdueIds(outsider)).not.toContain(late);
    expect(
      rejection(await platform.gql(OVERDUE, { first: 10 }, regionStaff.token)).extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('pauses a project that leaves three applications unanswered, until the region answers', async () => {
    const projectId = await publishedProject();
    const ids = [
      await applied('ken', projectId),
      await applied('aoi', projectId),
      await applied('sora', projectId),
    ];
    await submittedDaysAgo(ids, 10);
    const revision = async () =>
      BigInt(
        (
          await platform.dataSource.query(
            `SELECT revision FROM scoring_subject WHERE kind = 'PROJECT' AND subject_id = $1`,
            [projectId],
          )
        )[0].revision,
      );
    const beforePause = await revision();
    // An offer sent before the pause.
    const scouted = await f.participant('mio');
    const offerId = expectData(await scout(interStaff, projectId, scouted)).sendScoutOffer.id;

    await sweep.flagUnanswered();
    await sweep.flagUnanswered();
    // Pausing takes the project out of recommendations too: it is re-scored once.
    expect(await revision()).toBe(beforePause + 1n);
    const paused = await projectOf(projectId);
    expect(paused).toMatchObject({
      status: 'PUBLISHED',
      pauseReason: '3 applications have waited more than 7 days for an answer',
    });
    expect(paused.pausedAt).toBeTruthy();
    // The pause is in the project's history once, by the system, with its reason.
    const history = expectData(
      await platform.gql(HISTORY, { projectId }, regionStaff.token),
    ).projectHistory;
    expect(history.filter((e: any) => e.action === 'PAUSED')).toEqual([
      {
        action: 'PAUSED',
        actorId: null,
        comment: paused.pauseReason,
        fromStatus: 'PUBLISHED',
        toStatus: 'PUBLISHED',
        changedFields: ['pausedAt'],
      },
    ]);
    expect(
      await platform.dataSource.query(
        `SELECT 1 FROM engagement_alert WHERE engagement_id = ANY($1) AND kind = 'UNANSWERED'`,
        [ids],
      ),
    ).toHaveLength(3);

    // Out of search, and no new applications.
    expect(await searchIds()).not.toContain(projectId);
    const refused = rejection(await apply(await f.participant('riku'), projectId));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_TAKING_APPLICATIONS',
    });
    expect(refused.message).toBe(`This project is paused: ${paused.pauseReason}`);
    // Nor through a scout offer: accepting one is applying, and none is sent meanwhile.
    const accepted = rejection(await respond(scouted, offerId, 'ACCEPT'));
    expect(accepted.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_TAKING_APPLICATIONS',
    });
    expect(accepted.message).toBe(
      `This project is paused: ${paused.pauseReason}: the offer cannot be accepted now`,
    );
    const sent = rejection(await scout(interStaff, projectId, await f.participant('yui')));
    expect(sent.message).toBe(
      `This project is paused: ${paused.pauseReason}: it sends no scout offers`,
    );

    // Answering some is not enough: one overdue application still waits.
    expectData(
      await answer(ids[0], {
        action: 'PROPOSE_INTERVIEW',
        interview: { slots: ['2027-01-05T10:00:00+09:00'] },
      }),
    );
    expectData(await answer(ids[1], { action: 'DECLINE', reason: '今回は募集内容と合いません' }));
    expect((await projectOf(projectId)).pausedAt).toBeTruthy();

    // The last answer unpauses at once, without waiting for the sweep.
    expectData(await answer(ids[2], { action: 'ACCEPT' }));
    expect(await projectOf(projectId)).toMatchObject({
      status: 'PUBLISHED',
      pausedAt: null,
      pauseReason: null,
    });
    expect(await searchIds()).toContain(projectId);
    expectData(await apply(await f.participant('hana'), projectId));
    expect(expectData(await respond(scouted, offerId, 'ACCEPT')).respondToScoutOffer.status).toBe(
      'ACCEPTED',
    );

    // A later sweep neither pauses it again nor flags the answered ones anew.
    await sweep.flagUnanswered();
    expect((await projectOf(projectId)).pausedAt).toBeNull();
    for (const viewer of [interStaff, interColleague]) {
      const listed = await overdueIds(viewer);
      for (const id of ids) expect(listed).not.toContain(id);
    }
  });

  it('unpauses in the sweep once no overdue application is left', async () => {
    const projectId = await publishedProject();
    const ids = [
      await applied('kai', projectId),
      await applied('rin', projectId),
      await applied('nao', projectId),
    ];
    await submittedDaysAgo(ids, 9);
    await sweep.flagUnanswered();
    expect((await projectOf(projectId)).pausedAt).toBeTruthy();

    // Answered without a transition through the API (e.g. a data fix): the sweep catches up.
    await platform.dataSource.query(
      `UPDATE engagement SET status = 'DECLINED', status_changed_at = now() WHERE id = ANY($1)`,
      [ids],
    );
    const outcome = await sweep.flagUnanswered();
    expect(outcome.unpaused).toBeGreaterThanOrEqual(1);
    expect((await projectOf(projectId)).pausedAt).toBeNull();
    expect(await searchIds()).toContain(projectId);
    // Paused and unpaused once each, by the system, in the project's history.
    const history = expectData(
      await platform.gql(HISTORY, { projectId }, regionStaff.token),
    ).projectHistory;
    expect(
      history
        .filter((e: any) => ['PAUSED', 'UNPAUSED'].includes(e.action))
        .map((e: any) => e.action)
        .sort(),
    ).toEqual(['PAUSED', 'UNPAUSED']);
    expect(history.find((e: any) => e.action === 'UNPAUSED')).toMatchObject({
      actorId: null,
      fromStatus: 'PUBLISHED',
      toStatus: 'PUBLISHED',
      changedFields: ['pausedAt'],
    });
  });

  it('unpauses at once when the last overdue applicant deletes the account', async () => {
    const projectId = await publishedProject();
    const leaving = await f.participant('yui');
    const ids = [
      await applied('sora', projectId),
      await applied('mio', projectId),
      expectData(await apply(leaving, projectId)).applyToProject.id as string,
    ];
    await submittedDaysAgo(ids, 9);
    await sweep.flagUnanswered();
    expect((await projectOf(projectId)).pausedAt).toBeTruthy();
    for (const id of ids.slice(0, 2)) {
      expectData(await answer(id, { action: 'DECLINE', reason: '今回は募集内容と合いません' }));
    }
    expect((await projectOf(projectId)).pausedAt).toBeTruthy();

    // Leaving withdraws the last overdue application, as a withdrawal through the API would.
    expect(
      expectData(await platform.gql(DELETE, { input: { password: PASSWORD } }, leaving.token))
        .deleteMyAccount,
    ).toBe(true);
    expect(await projectOf(projectId)).toMatchObject({ pausedAt: null, pauseReason: null });
    expect(await searchIds()).toContain(projectId);
  });
});
