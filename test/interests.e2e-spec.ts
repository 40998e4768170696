import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { drained, eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const MARK = `mutation($projectId: ID!) {
  markProjectInterest(projectId: $projectId) { id interestCount interestedByMe } }`;
const UNMARK = `mutation($projectId: ID!) {
  unmarkProjectInterest(projectId: $projectId) { id interestCount interestedByMe } }`;
const MINE = `query($first: Int, $after: String) { myInterests(first: $first, after: $after) {
  edges { node { markedAt project { id title } } } pageInfo { hasNextPage endCursor } } }`;
const OF_PROJECT = `query($projectId: ID!) { projectInterests(projectId: $projectId) {
  edges { node { markedAt participant { userId displayName } } } } }`;

// 興味あり through GraphQL: who may mark, idempotency under bursts, the participant's list, who
// the region and its intermediaries see (by each participant's visibility), and the
// notification to the region through the pipeline.
describe('interest (興味あり)', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    admin = await f.admin();
  });
  afterAll(() => platform?.close());

  const mark = (p: Person, projectId: string) => platform.gql(MARK, { projectId }, p.token);
  const unmark = (p: Person, projectId: string) => platform.gql(UNMARK, { projectId }, p.token);
  const rows = async (projectId: string) =>
    (
      await platform.dataSource.query(
        'SELECT count(*)::int AS n FROM project_interest WHERE project_id = $1',
        [projectId],
      )
    )[0].n as number;
  const eventsOf = async (projectId: string) =>
    (
      await platform.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_message
          WHERE payload::text LIKE '%PROJECT_INTEREST_MARKED%' AND payload::text LIKE $1`,
        [`%${projectId}%`],
      )
    )[0].n as number;

  it('lets participants mark published projects open to them, and no one else', async () => {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode: '152081',
      participants: ['p-auth', ['student-auth', 'UNIVERSITY_STUDENT']],
      project: { eligibleKinds: ['PRO_BONO'] },
    });
    const [participant, student] = s.participants;

    expect(rejection(await platform.gql(MARK, { projectId: s.projectId })).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    // Staff have no participant profile.
    expect(rejection(await mark(s.regionStaff, s.projectId)).extensions.code).toBe('FORBIDDEN');
    const refused = rejection(await mark(student, s.projectId));
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions.fields?.[0].path).toEqual(['projectId']);

    const draft = await f.project(s.regionStaff, s.regionId, { title: '下書き' });
    expect(rejection(await mark(participant, draft)).extensions.code).toBe('NOT_FOUND');
    // Unmarking a draft reveals nothing of it either.
    expect(expectData(await unmark(participant, draft)).unmarkProjectInterest).toBeNull();

    expect(expectData(await mark(participant, s.projectId)).markProjectInterest).toEqual({
      id: s.projectId,
      interestCount: 1,
      interestedByMe: true,
    });
    // Guests see the count, not whose.
    const guest = expectData(
      await platform.gql(`query($id: ID!) { project(id: $id) { interestCount interestedByMe } }`, {
        id: s.projectId,
      }),
    );
    expect(guest.project).toEqual({ interestCount: 1, interestedByMe: false });
  });

  it('keeps one mark and tells the region once, however many marks arrive at once', async () => {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode: '152099',
      participants: ['p-race'],
    });
    const [participant] = s.participants;
    // Far more requests than the pool's connections (DATABASE_POOL_MAX is 2 in tests).
    const results = await Promise.all(
      Array.from({ length: 12 }, () => mark(participant, s.projectId)),
    );
    for (const result of results) expectData(result);
    expect(await rows(s.projectId)).toBe(1);
    expect(await eventsOf(s.projectId)).toBe(1);

    // Unmarking and marking again: still one row, and the region is not told a second time.
    await Promise.all(Array.from({ length: 6 }, () => unmark(participant, s.projectId)));
    expect(await rows(s.projectId)).toBe(0);
    const again = await Promise.all(
      Array.from({ length: 6 }, () => mark(participant, s.projectId)),
    );
    for (const result of again)
      expect(expectData(result).markProjectInterest.interestCount).toBe(1);
    await drained(platform);
    expect(await rows(s.projectId)).toBe(1);
    const notified = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_event WHERE type = 'PROJECT_INTEREST_MARKED'
         AND links->>'projectId' = $1`,
      [s.projectId],
    );
    expect(notified[0].n).toBe(1);
  });

  it("lists a participant's marks newest first, page by page, published projects only", async () => {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode: '152102',
      participants: ['p-list'],
    });
    const [participant] = s.participants;
    const second = await f.publishedProject(s.hubStaff, s.regionStaff, s.regionId, {
      title: '二つ目',
    });
    const third = await f.publishedProject(s.hubStaff, s.regionStaff, s.regionId, {
      title: '三つ目',
    });
    for (const id of [s.projectId, second, third]) expectData(await mark(participant, id));

    const first = expectData(await platform.gql(MINE, { first: 2 }, participant.token));
    expect(first.myInterests.edges.map((e: any) => e.node.project.id)).toEqual([third, second]);
    expect(first.myInterests.pageInfo.hasNextPage).toBe(true);
    const rest = expectData(
      await platform.gql(
        MINE,
        { first: 2, after: first.myInterests.pageInfo.endCursor },
        participant.token,
      ),
    );
    expect(rest.myInterests.edges.map((e: any) => e.node.project.id)).toEqual([s.projectId]);

    // A closed project leaves the list; someone else's marks are not in it.
    expectData(
      await platform.gql(
        `mutation($id: ID!) { closeProject(id: $id) { status } }`,
        { id: third },
        s.regionStaff.token,
      ),
    );
    const after = expectData(await platform.gql(MINE, { first: 10 }, participant.token));
    expect(after.myInterests.edges.map((e: any) => e.node.project.id)).toEqual([
      second,
      s.projectId,
    ]);
    const other = await f.participant('p-list-other');
    const empty = expectData(await platform.gql(MINE, {}, other.token));
    expect(empty.myInterests.edges).toEqual([]);
  });

  it('shows the region and its intermediaries only the participants who let them see them', async () => {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode: '152111',
      participants: ['p-hub', 'p-regions', 'p-nobody'],
    });
    const [forHubs, forRegions, forNobody] = s.participants;
    for (const [person, visibility] of [
      [forHubs, 'INTERMEDIARIES'],
      [forRegions, 'INTERMEDIARIES_AND_REGIONS'],
      [forNobody, 'NOBODY'],
    ] as const) {
      expectData(
        await f.saveProfile(person, {
          kind: 'PRO_BONO',
          homeMunicipalityCode: '131130',
          phone: '090-1234-5678',
          visibility,
        }),
      );
      expectData(await mark(person, s.projectId));
    }
    const seenBy = async (viewer: Person) =>
      expectData(await platform.gql(OF_PROJECT, { projectId: s.projectId }, viewer.token))
        .projectInterests.edges.map((e: any) => e.node.participant.displayName)
        .sort();
    expect(await seenBy(s.regionStaff)).toEqual(['p-regions']);
    expect(await seenBy(s.hubStaff)).toEqual(['p-hub', 'p-regions']);
    // Admins see no profiles at all; the count still says three.
    expect(await seenBy(admin)).toEqual([]);
    const count = expectData(
      await platform.gql(`query($id: ID!) { project(id: $id) { interestCount } }`, {
        id: s.projectId,
      }),
    );
    expect(count.project.interestCount).toBe(3);

    // Another region, a participant and an intermediary elsewhere are refused.
    const elsewhere = await f.supervisedRegion({
      admin,
      municipalityCode: '011002',
      project: false,
    });
    for (const viewer of [elsewhere.regionStaff, elsewhere.hubStaff, forHubs]) {
      const refused = rejection(
        await platform.gql(OF_PROJECT, { projectId: s.projectId }, viewer.token),
      );
      expect(refused.extensions.code).toBe('FORBIDDEN');
    }
    // A card has no contact details to ask for.
    const card = await platform.gql(
      `query($projectId: ID!) { projectInterests(projectId: $projectId) {
         edges { node { participant { phone } } } } }`,
      { projectId: s.projectId },
      s.hubStaff.token,
    );
    expect(card.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('tells the region staff and the intermediary in-app, as their preferences allow', async () => {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode: '152129',
      regionStaff: ['staff-on', 'staff-off'],
      participants: ['p-notify'],
      project: { title: '雪国の発信 "<&>"' },
    });
    const [on, off] = s.regionTeam;
    expectData(
      await platform.gql(
        `mutation($input: NotificationPreferenceInput!) {
           setNotificationPreference(input: $input) { mode } }`,
        { input: { eventType: 'PROJECT_INTEREST_MARKED', channel: 'IN_APP', mode: 'OFF' } },
        off.token,
      ),
    );
    expectData(await mark(s.participants[0], s.projectId));
    const inbox = async (person: Person) =>
      expectData(
        await platform.gql(
          `{ myNotifications(first: 5) { edges { node { type title projectId } } } }`,
          {},
          person.token,
        ),
      )
        .myNotifications.edges.map((e: any) => e.node)
        // Publishing the project also told the region and the hub, by another event.
        .filter((n: any) => n.type === 'PROJECT_INTEREST_MARKED');
    const [received] = await eventually(async () => {
      const nodes = await inbox(on);
      return nodes.length > 0 && nodes;
    });
    expect(received).toEqual({
      type: 'PROJECT_INTEREST_MARKED',
      title: '「雪国の発信 "<&>"」に興味ありが届きました',
      projectId: s.projectId,
    });
    // Other tests' hubs cover this prefecture too, and this one may hear of their projects.
    const aboutThis = async (person: Person) =>
      (await inbox(person)).filter((n: any) => n.projectId === s.projectId);
    await eventually(async () => (await aboutThis(s.hubStaff)).length === 1);
    await drained(platform);
    expect(await aboutThis(s.hubStaff)).toHaveLength(1);
    expect(await inbox(off)).toEqual([]);
    // The participant is not named to people who might not be allowed to see them.
    expect(JSON.stringify(await inbox(on))).not.toContain('p-notify');
  });
});
