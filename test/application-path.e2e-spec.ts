import { NotificationFanOut, NotificationService } from '@tsunagu/notifications';
import { expectData, Fixtures, Person } from './support/fixtures';
import { drained, eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// The foundation's end-to-end path: a region's project reaches a participant, whose application
// reaches the region's staff as an in-app notification through the outbox and the worker.
describe('from a region project to a notification', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    admin = await f.admin();
  });

  afterAll(() => platform.close());

  it('creates, publishes, lists, applies and notifies', async () => {
    const {
      regionId,
      regionTeam: [regionStaff, otherStaff],
      hubStaff: hub,
      participants: [participant],
    } = await f.supervisedRegion({
      admin,
      municipalityCode: '015431',
      regionStaff: ['bihoro-staff', ['bihoro-staff-2', 'en']],
      hubStaff: ['hokkaido-hub'],
      participants: ['tanaka'],
      project: false,
    });

    const projectId = await f.project(regionStaff, regionId, { themeCode: 'work' });
    const other = await f.project(regionStaff, regionId, {
      themeCode: 'agriculture',
      title: '牧場の手伝い',
    });
    await f.publish(hub, projectId);
    await f.publish(hub, other);
    // Both region staff hear that each project is published; they read it before anyone applies.
    await drained(platform);
    for (const staff of [regionStaff, otherStaff]) {
      expectData(await platform.gql(`mutation { markAllNotificationsRead }`, {}, staff.token));
    }

    // Filtered by theme and municipality, one per page.
    const listQuery = `query($first: Int, $after: String, $filter: ProjectFilter) {
      projects(first: $first, after: $after, filter: $filter) {
        edges { cursor node { id title theme { code } place { municipality { code name } } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const filtered = expectData(
      await platform.gql(listQuery, {
        first: 10,
        filter: { themeCodes: ['work'], municipalityCode: '015431' },
      }),
    );
    expect(filtered.projects.edges.map((e: any) => e.node.id)).toEqual([projectId]);
    expect(filtered.projects.edges[0].node.place.municipality.name).toBe('北海道美幌町');

    const page1 = expectData(
      await platform.gql(listQuery, { first: 1, filter: { municipalityCode: '015431' } }),
    );
    expect(page1.projects.pageInfo.hasNextPage).toBe(true);
    const page2 = expectData(
      await platform.gql(listQuery, {
        first: 1,
        after: page1.projects.pageInfo.endCursor,
        filter: { municipalityCode: '015431' },
      }),
    );
    expect(page2.projects.pageInfo.hasNextPage).toBe(false);
    const seen = [...page1.projects.edges, ...page2.projects.edges]
      .map((e: any) => e.node.id)
      .sort();
    expect(seen).toEqual([projectId, other].sort());

    const apply = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id status project { id } applicant { displayName } } }`;
    const applied = expectData(
      await platform.gql(
        apply,
        { input: { projectId, motivation: 'Webマーケティングの経験を活かしたいです。' } },
        participant.token,
      ),
    );
    expect(applied.applyToProject.status).toBe('SUBMITTED');

    // Both region staff are notified, each in their own language.
    const notifications = `query { myNotifications(first: 10) { edges { node { id type title body projectId engagementId readAt } } } unreadNotificationCount }`;
    // The list and the count are read side by side: wait until both have seen the delivery.
    const ja = await eventually(async () => {
      const data = expectData(await platform.gql(notifications, {}, regionStaff.token));
      return data.myNotifications.edges.length > 0 && data.unreadNotificationCount > 0 && data;
    });
    expect(ja.unreadNotificationCount).toBe(1);
    expect(ja.myNotifications.edges.map((e: any) => e.node.type)).toEqual([
      'APPLICATION_SUBMITTED',
      'PROJECT_PUBLISHED',
      'PROJECT_PUBLISHED',
    ]);
    const note = ja.myNotifications.edges[0].node;
    expect(note).toMatchObject({
      type: 'APPLICATION_SUBMITTED',
      projectId,
      engagementId: applied.applyToProject.id,
      readAt: null,
    });
    expect(note.title).toContain('新しい応募');
    const en = await eventually(async () => {
      const data = expectData(await platform.gql(notifications, {}, otherStaff.token));
      return data.myNotifications.edges[0]?.node.type === 'APPLICATION_SUBMITTED' && data;
    });
    expect(en.myNotifications.edges[0].node.title).toContain('New application');

    // The participant and the intermediary get no notification for this event.
    const none = expectData(await platform.gql(notifications, {}, participant.token));
    expect(none.myNotifications.edges).toHaveLength(0);

    const read = expectData(
      await platform.gql(
        `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`,
        { id: note.id },
        regionStaff.token,
      ),
    );
    expect(read.markNotificationRead.readAt).not.toBeNull();
    const after = expectData(await platform.gql(notifications, {}, regionStaff.token));
    expect(after.unreadNotificationCount).toBe(0);

    // Someone else's notification is not theirs to mark.
    const foreign = await platform.gql(
      `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`,
      { id: note.id },
      otherStaff.token,
    );
    expect(foreign.errors?.[0].extensions.code).toBe('NOT_FOUND');

    // Applying twice is a conflict and changes nothing.
    const again = await platform.gql(
      apply,
      { input: { projectId, motivation: 'もう一度応募します。よろしくお願いします。' } },
      participant.token,
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_APPLIED',
    });
    const mine = expectData(
      await platform.gql(
        `query { myEngagements { edges { node { id } } } }`,
        {},
        participant.token,
      ),
    );
    expect(mine.myEngagements.edges).toHaveLength(1);

    // The region sees the application, without the applicant's contact details in the schema.
    const forRegion = expectData(
      await platform.gql(
        `query($projectId: ID!) { projectEngagements(projectId: $projectId) { edges { node { motivation applicant { displayName kind } } } } }`,
        { projectId },
        regionStaff.token,
      ),
    );
    expect(forRegion.projectEngagements.edges[0].node.applicant).toEqual({
      displayName: 'tanaka',
      kind: 'PRO_BONO',
    });
  });

  it('stores one notification per recipient even when the job runs again', async () => {
    const {
      regionStaff: staff,
      participants: [participant],
      projectId,
    } = await f.supervisedRegion({
      admin,
      remit: 'municipality',
      regionStaff: ['ojiya-staff'],
      hubStaff: ['niigata-hub'],
      participants: [['suzuki', 'UNIVERSITY_STUDENT']],
      project: { themeCode: 'agriculture' },
    });
    const applied = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: '棚田の援農に参加したいです。' } },
        participant.token,
      ),
    );
    // The region also heard that its project was published: only the application counts here.
    const applications = async () =>
      (
        await platform.api.get(NotificationService).listMine(staff.id, { first: 20 }, false)
      ).edges.filter((e) => e.node.type === 'APPLICATION_SUBMITTED').length;
    await eventually(async () => (await applications()) === 1);
    // A replayed event (the relay or the job running again) stores nothing new.
    const engagementId = applied.applyToProject.id;
    await platform.worker!.get(NotificationFanOut).fanOut({
      key: `application-submitted.${engagementId}`,
      type: 'APPLICATION_SUBMITTED',
      payload: { engagementId },
      occurredAt: new Date().toISOString(),
    });
    await drained(platform);
    expect(await applications()).toBe(1);
  });
});
