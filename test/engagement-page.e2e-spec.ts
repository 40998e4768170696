import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const ENGAGEMENT = `query($id: ID!) { engagement(id: $id) {
  id status statusReason createdAt statusChangedAt motivation
  project { id title region { id name } supervisingIntermediaries { id name } }
  terms { startDate endDate hoursPerWeek goals }
  nextSteps { action by } } }`;
const FOR_PROJECT = `query($projectId: ID!) { myEngagementForProject(projectId: $projectId) { id status } }`;
const MINE = `query($status: [EngagementStatus!]) { myEngagements(first: 20, status: $status) {
  edges { node { id status } } } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`;

describe('one engagement for its page: engagement(id)', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let regionStaff: Person;
  let hubStaff: Person;
  let projectId: string;
  let regionId: string;
  let intermediaryId: string;

  const code = (result: Awaited<ReturnType<TestPlatform['gql']>>) =>
    rejection(result).extensions?.code;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    ({ admin, regionStaff, hubStaff, projectId, regionId, intermediaryId } =
      await f.supervisedRegion({}));
  });

  afterAll(() => platform.close());

  it('shows its parties and admins the engagement with what may happen next', async () => {
    const aya = await f.participant('aya');
    const id = expectData(
      await platform.gql(
        APPLY,
        { input: { projectId, motivation: '町の空き家を一緒に整えたいです。' } },
        aya.token,
      ),
    ).applyToProject.id as string;

    const mine = expectData(await platform.gql(ENGAGEMENT, { id }, aya.token)).engagement;
    expect(mine).toMatchObject({
      id,
      status: 'SUBMITTED',
      statusChangedAt: null,
      project: {
        id: projectId,
        region: { id: regionId },
        supervisingIntermediaries: [{ id: intermediaryId }],
      },
      terms: null,
      nextSteps: [
        { action: 'PROPOSE_INTERVIEW', by: ['REGION'] },
        { action: 'ACCEPT', by: ['REGION'] },
        { action: 'DECLINE', by: ['REGION'] },
        { action: 'WITHDRAW', by: ['PARTICIPANT'] },
      ],
    });
    for (const reader of [regionStaff, hubStaff, admin]) {
      expect(expectData(await platform.gql(ENGAGEMENT, { id }, reader.token)).engagement.id).toBe(
        id,
      );
    }

    // After the region's acceptance: the date it changed, and the intermediary's turn.
    expectData(
      await platform.gql(
        TRANSITION,
        { input: { engagementId: id, action: 'ACCEPT' } },
        regionStaff.token,
      ),
    );
    const accepted = expectData(await platform.gql(ENGAGEMENT, { id }, aya.token)).engagement;
    expect(accepted.status).toBe('ACCEPTED');
    expect(Date.parse(accepted.statusChangedAt)).toBeGreaterThanOrEqual(
      Date.parse(accepted.createdAt),
    );
    expect(accepted.nextSteps[0]).toEqual({ action: 'APPROVE', by: ['INTERMEDIARY'] });

    // The participant finds it from the project, and among their engagements by status.
    expect(
      expectData(await platform.gql(FOR_PROJECT, { projectId }, aya.token)).myEngagementForProject,
    ).toEqual({ id, status: 'ACCEPTED' });
    const byStatus = async (status: string[]) =>
      expectData(await platform.gql(MINE, { status }, aya.token)).myEngagements.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await byStatus(['ACCEPTED', 'APPROVED'])).toEqual([id]);
    expect(await byStatus(['COMPLETED'])).toEqual([]);
  });

  it('is NOT_FOUND for anyone else, the same as for an engagement that does not exist', async () => {
    const aya = await f.participant('aya2');
    const id = expectData(
      await platform.gql(
        APPLY,
        { input: { projectId, motivation: '週末に町の発信を手伝いたいです。' } },
        aya.token,
      ),
    ).applyToProject.id as string;
    const stranger = await f.participant('stranger');
    const otherRegion = await f.signUp('other-region');
    await f.region(admin, '011002', [otherRegion]);
    const outsideHub = await f.signUp('outside-hub');
    await f.intermediary(admin, { prefectureCodes: ['01'] }, [outsideHub]);

    for (const outsider of [stranger, otherRegion, outsideHub]) {
      expect(code(await platform.gql(ENGAGEMENT, { id }, outsider.token))).toBe('NOT_FOUND');
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(code(await platform.gql(ENGAGEMENT, { id: unknown }, aya.token))).toBe('NOT_FOUND');
    expect(code(await platform.gql(ENGAGEMENT, { id: unknown }, admin.token))).toBe('NOT_FOUND');
    expect(code(await platform.gql(ENGAGEMENT, { id }))).toBe('UNAUTHENTICATED');
    const bad = rejection(await platform.gql(ENGAGEMENT, { id: 'not-an-id' }, aya.token));
    expect(bad.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['id'], message: 'must be a valid id' }],
    });
    // No engagement with a project: null, not an error.
    expect(
      expectData(await platform.gql(FOR_PROJECT, { projectId }, stranger.token))
        .myEngagementForProject,
    ).toBeNull();
  });
});
