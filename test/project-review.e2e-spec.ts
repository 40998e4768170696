import { randomUUID } from 'node:crypto';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { drained, startTestPlatform, TestPlatform } from './support/test-platform';

const QUEUE = `query($organizationId: ID!, $first: Int, $after: String) {
  reviewQueue(organizationId: $organizationId, first: $first, after: $after) {
    edges { cursor node { submittedAt sentBackCount project { id title status region { id } } } }
    pageInfo { hasNextPage endCursor }
  } }`;
const REQUEST_CHANGES = `mutation($id: ID!, $comment: String!) {
  requestProjectChanges(id: $id, comment: $comment) { status } }`;
const PUBLISH = `mutation($id: ID!, $comment: String) {
  publishProject(id: $id, comment: $comment) { status } }`;
const SUBMIT = `mutation($id: ID!) { submitProject(id: $id) { status } }`;

interface Told {
  type: string;
  recipient_id: string;
  organization_id: string | null;
  audience: string;
  comment: string | null;
}

// The intermediary's review queue (projects in review its remit covers, oldest submission first)
// and who hears of each review step, through GraphQL and the worker.
describe('project review', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let region: Person;
  let regionMate: Person;
  let hub: Person;
  let hubMate: Person;
  let farHub: Person;
  let regionId: string;
  let intermediaryId: string;
  let farRegion: Person;
  let farRegionId: string;
  let farIntermediaryId: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
    f = new Fixtures(platform);
    // 美幌町 under an intermediary covering 北海道 (two staff); 一関市 under one covering 岩手県.
    const scene = await f.supervisedRegion({
      municipalityCode: '015431',
      regionStaff: ['review-region', 'review-region-mate'],
      hubStaff: ['review-hub', 'review-hub-mate'],
      project: false,
    });
    ({ admin, regionId, intermediaryId } = scene);
    [region, regionMate] = scene.regionTeam;
    [hub, hubMate] = scene.hubTeam;
    [farHub, farRegion] = await Promise.all([f.signUp('far-hub'), f.signUp('far-region')]);
    [farIntermediaryId, farRegionId] = await Promise.all([
      f.intermediary(admin, { prefectureCodes: ['03'] }, [farHub]),
      f.region(admin, '032093', [farRegion]),
    ]);
  });

  afterAll(() => platform.close());

  const queue = async (viewer: Person, vars: Record<string, unknown> = {}) =>
    expectData(await platform.gql(QUEUE, { organizationId: intermediaryId, ...vars }, viewer.token))
      .reviewQueue;
  const queuedIds = async (viewer: Person) =>
    (await queue(viewer, { first: 100 })).edges.map((e: any) => e.node.project.id);

  it('lists the projects in review its remit covers, the oldest submission first', async () => {
    const [first, second, draft] = await Promise.all(
      ['一番目の企画', '二番目の企画', '下書きの企画'].map((t) =>
        f.project(region, regionId, { title: t }),
      ),
    );
    const outside = await f.project(farRegion, farRegionId, { title: '圏外の企画' });
    await f.submit(first);
    await f.submit(second);
    await f.submit(outside);

    const ids = await queuedIds(hub);
    expect(ids.filter((id: string) => [first, second, draft, outside].includes(id))).toEqual([
      first,
      second,
    ]);
    // The other intermediary sees its own remit's submission, and none of ours.
    const far = expectData(
      await platform.gql(QUEUE, { organizationId: farIntermediaryId, first: 100 }, farHub.token),
    ).reviewQueue.edges.map((e: any) => e.node.project.id);
    expect(far).toContain(outside);
    expect(far).not.toContain(first);

    // Page by page, with the facts of each item.
    const page1 = await queue(hub, { first: 1 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const item = page1.edges[0].node;
    expect(item.project).toMatchObject({
      id: ids[0],
      status: 'IN_REVIEW',
      region: { id: regionId },
    });
    expect(item.sentBackCount).toBe(0);
    expect(Date.parse(item.submittedAt)).toBeLessThanOrEqual(Date.now());
    const page2 = await queue(hub, { first: 1, after: page1.pageInfo.endCursor });
    expect(page2.edges[0].node.project.id).toBe(ids[1]);

    // Sent back and resubmitted, it queues again behind the other, counted once sent back.
    expectData(
      await platform.gql(
        REQUEST_CHANGES,
        { id: first, comment: '日程を書いてください' },
        hub.token,
      ),
    );
    expect(await queuedIds(hub)).not.toContain(first);
    expectData(await platform.gql(SUBMIT, { id: first }, region.token));
    const again = (await queue(hub, { first: 100 })).edges.map((e: any) => e.node);
    const ours = again.filter((n: any) => [first, second].includes(n.project.id));
    expect(ours.map((n: any) => [n.project.id, n.sentBackCount])).toEqual([
      [second, 0],
      [first, 1],
    ]);

    // Published, it leaves the queue; platform admins see the queue too.
    expectData(await platform.gql(PUBLISH, { id: second }, hubMate.token));
    expect(await queuedIds(admin)).toEqual(expect.arrayContaining([first]));
    expect(await queuedIds(admin)).not.toContain(second);
  });

  it("refuses another intermediary's staff and the region, and checks the id", async () => {
    const code = async (viewer: Person, organizationId: string) =>
      rejection(await platform.gql(QUEUE, { organizationId }, viewer.token)).extensions.code;

    expect(await code(farHub, intermediaryId)).toBe('FORBIDDEN');
    expect(await code(region, intermediaryId)).toBe('FORBIDDEN');
    // Only an intermediary has a review queue.
    expect(await code(admin, regionId)).toBe('NOT_FOUND');
    expect(await code(admin, randomUUID())).toBe('NOT_FOUND');
    expect(await code(hub, 'not-an-id')).toBe('BAD_USER_INPUT');
    expect(
      rejection(
        await platform.gql(QUEUE, { organizationId: intermediaryId, after: 'W1td' }, hub.token),
      ).extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('tells each side of every review step, once each, except whoever took it', async () => {
    const projectId = await f.project(region, regionId, { title: '牧場の広報' });
    const told = async (): Promise<Told[]> => {
      await drained(platform);
      return platform.dataSource.query(
        `SELECT n.type, n.recipient_id, n.data->>'organizationId' AS organization_id, n.audience,
                n.facts->>'comment' AS comment
           FROM notification n WHERE n.data->>'projectId' = $1 ORDER BY n.created_at, n.id`,
        [projectId],
      );
    };
    const heard = (rows: Told[], type: string) =>
      rows
        .filter((r) => r.type === type)
        .map((r) => [r.recipient_id, r.audience, r.organization_id])
        .sort();
    const sorted = (rows: Array<[string, string, string]>) => [...rows].sort();

    await f.submit(projectId);
    let rows = await told();
    // The covering intermediary's staff review it; the region and the far hub hear nothing.
    expect(heard(rows, 'PROJECT_SUBMITTED')).toEqual(
      sorted([
        [hub.id, 'INTERMEDIARY', intermediaryId],
        [hubMate.id, 'INTERMEDIARY', intermediaryId],
      ]),
    );

    expectData(
      await platform.gql(
        REQUEST_CHANGES,
        { id: projectId, comment: '写真を足してください' },
        hub.token,
      ),
    );
    rows = await told();
    expect(heard(rows, 'PROJECT_CHANGES_REQUESTED')).toEqual(
      sorted([
        [region.id, 'REGION', regionId],
        [regionMate.id, 'REGION', regionId],
        [hubMate.id, 'INTERMEDIARY', intermediaryId],
      ]),
    );
    expect(
      rows.filter((r) => r.type === 'PROJECT_CHANGES_REQUESTED').map((r) => r.comment),
    ).toEqual(Array(3).fill('写真を足してください'));

    // Resubmitted: a second submission is a second notification to each reviewer.
    expectData(await platform.gql(SUBMIT, { id: projectId }, regionMate.token));
    expectData(await platform.gql(PUBLISH, { id: projectId }, hubMate.token));
    rows = await told();
    expect(heard(rows, 'PROJECT_SUBMITTED')).toHaveLength(4);
    expect(heard(rows, 'PROJECT_PUBLISHED')).toEqual(
      sorted([
        [region.id, 'REGION', regionId],
        [regionMate.id, 'REGION', regionId],
        [hub.id, 'INTERMEDIARY', intermediaryId],
      ]),
    );
    // Whatever the worker retries, nobody hears of one step twice.
    const [{ duplicates }] = await platform.dataSource.query(
      `SELECT count(*)::int AS duplicates FROM (
         SELECT event_key, recipient_id FROM notification WHERE data->>'projectId' = $1
          GROUP BY 1, 2 HAVING count(*) > 1) d`,
      [projectId],
    );
    expect(duplicates).toBe(0);
    expect(rows.some((r) => r.recipient_id === farHub.id || r.recipient_id === farRegion.id)).toBe(
      false,
    );
  });
});
