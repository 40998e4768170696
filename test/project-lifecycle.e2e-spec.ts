import { randomBytes } from 'node:crypto';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { GraphQLResult, startTestPlatform, TestPlatform } from './support/test-platform';

const FIELDS = `id status title description mode startDate endDate seasonMonths hoursPerWeek teamSize
  capacity eligibleKinds languages attachments { title url } reviewComment publishedAt closedAt
  theme { code }`;
const GET = `query($id: ID!) { project(id: $id) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitProject(id: $id) { ${FIELDS} } }`;
const REQUEST_CHANGES = `mutation($id: ID!, $comment: String!) {
  requestProjectChanges(id: $id, comment: $comment) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $comment: String) {
  publishProject(id: $id, comment: $comment) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!, $reason: String) { closeProject(id: $id, reason: $reason) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveProject(id: $id) { ${FIELDS} } }`;
const EXTEND = `mutation($input: ExtendProjectInput!) { extendProject(input: $input) { ${FIELDS} } }`;
const COMMENT = `mutation($id: ID!, $comment: String!) {
  commentOnProject(id: $id, comment: $comment) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ${FIELDS} } }`;
const HISTORY = `query($projectId: ID!) { projectHistory(projectId: $projectId) {
  id action fromStatus toStatus changedFields comment actorId actorName createdAt } }`;

type Status = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'CLOSED' | 'ARCHIVED';

// Who someone is to the test project (in 美幌町, 北海道).
type Role =
  | 'region' // staff of the region organisation that owns it
  | 'otherRegion' // staff of another region (むかわ町, same prefecture)
  | 'coveringHub' // intermediary whose remit is the prefecture 北海道
  | 'farHub' // intermediary covering 岩手県 only
  | 'participant'
  | 'admin'; // platform admin

// The project lifecycle through GraphQL: each step wired, one refusal of each kind, edits,
// extensions and the audit trail each step leaves (and rejected attempts do not). Who may take
// which step from which status is the unit specs' (project-lifecycle, project-roles).
describe('project lifecycle', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let people: Record<Role, Person>;
  let townHub: Person;
  let regionId: string;
  const token = randomBytes(4).toString('hex');

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    // 美幌町 under an intermediary covering 北海道; the projects are each test's own.
    const scene = await f.supervisedRegion({
      municipalityCode: '015431',
      regionStaff: ['bihoro-staff'],
      hubStaff: ['hokkaido-hub'],
      participants: ['participant'],
      project: false,
    });
    const { admin } = scene;
    regionId = scene.regionId;
    const [otherRegion, farHub] = await Promise.all([
      f.signUp('mukawa-staff'),
      f.signUp('iwate-hub'),
    ]);
    townHub = await f.signUp('bihoro-hub');
    people = {
      region: scene.regionStaff,
      otherRegion,
      coveringHub: scene.hubStaff,
      farHub,
      participant: scene.participants[0],
      admin,
    };
    await f.region(admin, '015865', [otherRegion]); // むかわ町
    await f.intermediary(admin, { municipalityCodes: ['015431'] }, [townHub]);
    await f.intermediary(admin, { prefectureCodes: ['03'] }, [farHub]);
  });

  afterAll(() => platform.close());

  const as = (role: Role) => people[role];

  const history = async (projectId: string): Promise<any[]> =>
    expectData(await platform.gql(HISTORY, { projectId }, as('admin').token)).projectHistory;

  const project = async (id: string) =>
    expectData(await platform.gql(GET, { id }, as('admin').token)).project;

  // A project of the region, driven to `status` through the lifecycle.
  async function projectIn(status: Status, overrides: Record<string, unknown> = {}) {
    const id = await f.project(as('region'), regionId, {
      title: `ライフサイクル ${token}`,
      ...overrides,
    });
    if (status === 'DRAFT') return id;
    await f.submit(id);
    if (status === 'IN_REVIEW') return id;
    await f.publish(as('coveringHub'), id);
    if (status === 'PUBLISHED') return id;
    expectData(await platform.gql(CLOSE, { id }, as('region').token));
    if (status === 'CLOSED') return id;
    expectData(await platform.gql(ARCHIVE, { id }, as('region').token));
    return id;
  }

  // Runs an operation, then checks that a rejection changed neither the project nor its history.
  async function expectRejected(
    id: string,
    attempt: () => Promise<GraphQLResult>,
    code: string,
    message?: RegExp,
  ) {
    const [beforeProject, beforeHistory] = await Promise.all([project(id), history(id)]);
    const error = rejection(await attempt());
    expect(error.extensions.code).toBe(code);
    if (message) expect(error.message).toMatch(message);
    expect(await project(id)).toEqual(beforeProject);
    expect(await history(id)).toEqual(beforeHistory);
    return error;
  }

  interface Step {
    verb: string;
    from: Status[];
    to: (from: Status) => Status;
    allowed: Role[];
    audit: string;
    run: (person: Person, id: string) => Promise<GraphQLResult>;
    comment?: string;
  }

  const STEPS: Record<string, Step> = {
    submitProject: {
      verb: 'submit',
      from: ['DRAFT'],
      to: () => 'IN_REVIEW',
      allowed: ['region'],
      audit: 'SUBMITTED',
      run: (p, id) => platform.gql(SUBMIT, { id }, p.token),
    },
    requestProjectChanges: {
      verb: 'request changes',
      from: ['IN_REVIEW', 'PUBLISHED'],
      to: () => 'DRAFT',
      allowed: ['coveringHub', 'admin'],
      audit: 'CHANGES_REQUESTED',
      comment: '写真を追加してください。',
      run: (p, id) =>
        platform.gql(REQUEST_CHANGES, { id, comment: ' 写真を追加してください。 ' }, p.token),
    },
    publishProject: {
      verb: 'publish',
      from: ['IN_REVIEW'],
      to: () => 'PUBLISHED',
      allowed: ['coveringHub', 'admin'],
      audit: 'PUBLISHED',
      comment: '公開します',
      run: (p, id) => platform.gql(PUBLISH, { id, comment: '公開します' }, p.token),
    },
    closeProject: {
      verb: 'close',
      from: ['PUBLISHED'],
      to: () => 'CLOSED',
      allowed: ['region', 'coveringHub', 'admin'],
      audit: 'CLOSED',
      comment: '定員に達しました',
      run: (p, id) => platform.gql(CLOSE, { id, reason: '定員に達しました' }, p.token),
    },
    archiveProject: {
      verb: 'archive',
      from: ['DRAFT', 'CLOSED'],
      to: () => 'ARCHIVED',
      allowed: ['region', 'coveringHub', 'admin'],
      audit: 'ARCHIVED',
      run: (p, id) => platform.gql(ARCHIVE, { id }, p.token),
    },
    extendProject: {
      verb: 'extend',
      from: ['PUBLISHED'],
      to: (from) => from,
      allowed: ['region', 'coveringHub', 'admin'],
      audit: 'EXTENDED',
      run: (p, id) =>
        platform.gql(EXTEND, { input: { projectId: id, endDate: '2027-06-30' } }, p.token),
    },
  };

  // Outbox rows naming the project, apart from the review notifications: a step that moves it
  // into or out of PUBLISHED asks for a re-score (who is recommended what changes), the others
  // ask for nothing.
  const REVIEW_EVENTS = `'%"(PROJECT_SUBMITTED|PROJECT_CHANGES_REQUESTED|PROJECT_PUBLISHED)"%'`;
  const queuedFor = async (projectId: string): Promise<number> => {
    const [row] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message
        WHERE payload::text LIKE '%' || $1 || '%' AND payload::text NOT SIMILAR TO ${REVIEW_EVENTS}`,
      [projectId],
    );
    return row.n;
  };
  // The review steps (submit, send back, publish) tell the reviewers and the region once each.
  const reviewNoticesFor = async (projectId: string): Promise<number> => {
    const [row] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message
        WHERE payload::text LIKE '%' || $1 || '%' AND payload::text SIMILAR TO ${REVIEW_EVENTS}`,
      [projectId],
    );
    return row.n;
  };
  const REVIEW_STEPS = ['SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED'];

  // Who may take which step from which status is decided by project-lifecycle.ts and checked for
  // every person, step and status in libs/projects/src/project-roles.spec.ts. Here each step is
  // taken once from each status it starts from, by people of each kind, to show it is wired:
  // the answer, the stored status, its audit entry and its events.
  describe('each step through GraphQL', () => {
    const cases: Array<[string, Status, Role]> = [
      ['submitProject', 'DRAFT', 'region'],
      ['requestProjectChanges', 'IN_REVIEW', 'coveringHub'],
      ['requestProjectChanges', 'PUBLISHED', 'admin'],
      ['publishProject', 'IN_REVIEW', 'admin'],
      ['closeProject', 'PUBLISHED', 'coveringHub'],
      ['archiveProject', 'DRAFT', 'region'],
      ['archiveProject', 'CLOSED', 'coveringHub'],
      ['extendProject', 'PUBLISHED', 'region'],
    ];

    it.each(cases)('%s from %s by %s', async (name, from, role) => {
      const step = STEPS[name];
      const id = await projectIn(from);
      const [before, queued, noticed] = await Promise.all([
        history(id),
        queuedFor(id),
        reviewNoticesFor(id),
      ]);
      const result = expectData(await step.run(as(role), id));
      const to = step.to(from);
      expect(Object.values(result)[0]).toMatchObject({ id, status: to });
      expect((await project(id)).status).toBe(to);
      const after = await history(id);
      expect(after).toHaveLength(before.length + 1);
      expect(after.slice(0, -1)).toEqual(before);
      expect(after.at(-1)).toMatchObject({
        action: step.audit,
        fromStatus: from,
        toStatus: to,
        actorId: as(role).id,
        comment: step.comment ?? null,
      });
      const rescored = from === 'PUBLISHED' || to === 'PUBLISHED';
      expect(await queuedFor(id)).toBe(queued + (rescored ? 1 : 0));
      expect(await reviewNoticesFor(id)).toBe(
        noticed + (REVIEW_STEPS.includes(step.audit) ? 1 : 0),
      );
    });

    it.each([
      ['region', null],
      ['coveringHub', 'coveringHub からのコメント'],
    ] as const)('commentOnProject by %s', async (role, reviewComment) => {
      const id = await projectIn('IN_REVIEW');
      const comment = `${role} からのコメント`;
      const before = await history(id);
      const data = expectData(
        await platform.gql(COMMENT, { id, comment: `  ${comment}\n` }, as(role).token),
      ).commentOnProject;
      // A remark leaves the status alone; only a supervisor's becomes the review comment.
      expect(data.status).toBe('IN_REVIEW');
      expect(data.reviewComment).toBe(reviewComment);
      expect((await project(id)).reviewComment).toBe(reviewComment);
      const after = await history(id);
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({
        action: 'COMMENTED',
        fromStatus: null,
        toStatus: null,
        changedFields: [],
        comment,
        actorId: as(role).id,
      });
    });

    it('lets an intermediary covering the municipality (not the prefecture) publish', async () => {
      const id = await projectIn('IN_REVIEW');
      const data = expectData(await platform.gql(PUBLISH, { id }, townHub.token)).publishProject;
      expect(data).toMatchObject({ status: 'PUBLISHED', reviewComment: null });
      expect((await history(id)).at(-1)).toMatchObject({
        action: 'PUBLISHED',
        actorId: townHub.id,
        comment: null,
      });
    });
  });

  describe('refusals', () => {
    it('rejects anonymous transitions as UNAUTHENTICATED', async () => {
      const id = await projectIn('IN_REVIEW');
      await expectRejected(id, () => platform.gql(PUBLISH, { id }), 'UNAUTHENTICATED');
    });

    it('answers FORBIDDEN, with the rule in words, to someone the step is not for', async () => {
      const id = await projectIn('DRAFT');
      const queued = await queuedFor(id);
      await expectRejected(
        id,
        () => STEPS.submitProject.run(as('otherRegion'), id),
        'FORBIDDEN',
        /^Only the region can submit a project$/,
      );
      const remark = await projectIn('IN_REVIEW');
      await expectRejected(
        remark,
        () => platform.gql(COMMENT, { id: remark, comment: '外から' }, as('farHub').token),
        'FORBIDDEN',
        /^Only the region or a supervising intermediary can comment on a project$/,
      );
      expect(await queuedFor(id)).toBe(queued);
    });

    it('answers CONFLICT with reason INVALID_TRANSITION for a step from the wrong status', async () => {
      const id = await projectIn('CLOSED');
      const queued = await queuedFor(id);
      const error = await expectRejected(
        id,
        () => STEPS.publishProject.run(as('coveringHub'), id),
        'CONFLICT',
        /^Cannot publish a project that is CLOSED \(allowed from IN_REVIEW\)$/,
      );
      expect(error.extensions.reason).toBe('INVALID_TRANSITION');
      expect(await queuedFor(id)).toBe(queued);
    });

    it('requires a comment to request changes', async () => {
      const id = await projectIn('IN_REVIEW');
      const blank = await expectRejected(
        id,
        () => platform.gql(REQUEST_CHANGES, { id, comment: ' \n ' }, as('coveringHub').token),
        'BAD_USER_INPUT',
      );
      expect(blank.extensions.fields).toEqual([{ path: ['comment'], message: 'is required' }]);
      const missing = await expectRejected(
        id,
        () =>
          platform.gql(
            `mutation($id: ID!) { requestProjectChanges(id: $id) { id } }`,
            { id },
            as('coveringHub').token,
          ),
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect(missing.message).toMatch(/comment/);
    });

    it('rejects a blank or overlong remark', async () => {
      const id = await projectIn('IN_REVIEW');
      const blank = await expectRejected(
        id,
        () => platform.gql(COMMENT, { id, comment: '   ' }, as('coveringHub').token),
        'BAD_USER_INPUT',
      );
      expect(blank.extensions.fields![0].path).toEqual(['comment']);
      const long = await expectRejected(
        id,
        () => platform.gql(CLOSE, { id, reason: 'あ'.repeat(4001) }, as('coveringHub').token),
        'BAD_USER_INPUT',
      );
      expect(long.extensions.fields![0]).toEqual({
        path: ['reason'],
        message: 'must be at most 4,000 characters',
      });
    });

    it('answers NOT_FOUND for a project that does not exist', async () => {
      const result = await platform.gql(
        PUBLISH,
        { id: '00000000-0000-4000-8000-000000000000' },
        as('admin').token,
      );
      expect(rejection(result).extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('requesting changes to a published project', () => {
    it('takes it back to draft and out of search, with the comment kept', async () => {
      const id = await projectIn('PUBLISHED', { title: `差し戻し ${token}` });
      const data = expectData(
        await platform.gql(
          REQUEST_CHANGES,
          { id, comment: '日程を見直してください' },
          as('coveringHub').token,
        ),
      ).requestProjectChanges;
      expect(data).toMatchObject({ status: 'DRAFT', reviewComment: '日程を見直してください' });
      const listed = expectData(
        await platform.gql(
          `query($filter: ProjectFilter) { projects(filter: $filter) { edges { node { id } } } }`,
          { filter: { text: `差し戻し ${token}` } },
        ),
      );
      expect(listed.projects.edges).toEqual([]);
      expect(rejection(await platform.gql(GET, { id })).extensions.code).toBe('NOT_FOUND');
    });
  });

  // A refused step changes nothing (expectRejected checks it), so one project serves a table of
  // refusals; made when the first test needs it.
  const shared = (status: Status) => {
    let id: Promise<string> | undefined;
    return () => (id ??= projectIn(status));
  };

  describe('extending a published project', () => {
    const refusedExtensions = shared('PUBLISHED');
    const extend = (person: Person, input: Record<string, unknown>) =>
      platform.gql(EXTEND, { input }, person.token);

    it('runs it longer and raises capacity, recording exactly what changed', async () => {
      const id = await projectIn('PUBLISHED'); // ends 2027-03-31, capacity 3
      const later = expectData(
        await extend(as('region'), { projectId: id, endDate: '2027-05-31' }),
      ).extendProject;
      expect(later).toMatchObject({ status: 'PUBLISHED', endDate: '2027-05-31', capacity: 3 });
      expect((await history(id)).at(-1)).toMatchObject({
        action: 'EXTENDED',
        fromStatus: 'PUBLISHED',
        toStatus: 'PUBLISHED',
        changedFields: ['endDate'],
      });

      const more = expectData(
        await extend(as('coveringHub'), { projectId: id, endDate: '2027-06-30', capacity: 5 }),
      ).extendProject;
      expect(more).toMatchObject({ endDate: '2027-06-30', capacity: 5 });
      expect((await history(id)).at(-1).changedFields.sort()).toEqual(['capacity', 'endDate']);
    });

    it('raises capacity alone without touching the end date', async () => {
      const id = await projectIn('PUBLISHED');
      const data = expectData(
        await extend(as('region'), { projectId: id, capacity: 6 }),
      ).extendProject;
      expect(data).toMatchObject({ endDate: '2027-03-31', capacity: 6 });
      expect((await history(id)).at(-1)).toMatchObject({
        action: 'EXTENDED',
        changedFields: ['capacity'],
      });
    });

    it('makes it ongoing with a null end date', async () => {
      const id = await projectIn('PUBLISHED');
      const data = expectData(
        await extend(as('admin'), { projectId: id, endDate: null }),
      ).extendProject;
      expect(data).toMatchObject({ status: 'PUBLISHED', endDate: null });
      expect((await history(id)).at(-1)).toMatchObject({
        action: 'EXTENDED',
        actorId: as('admin').id,
        changedFields: ['endDate'],
      });
      // Ongoing already: a date would shorten it.
      const error = await expectRejected(
        id,
        () => extend(as('region'), { projectId: id, endDate: '2030-01-01' }),
        'BAD_USER_INPUT',
      );
      expect(error.extensions.fields).toEqual([
        { path: ['input', 'endDate'], message: 'the project is already ongoing' },
      ]);
      // Ongoing with more places is fine.
      const bigger = expectData(
        await extend(as('region'), { projectId: id, endDate: null, capacity: 4 }),
      ).extendProject;
      expect(bigger).toMatchObject({ endDate: null, capacity: 4 });
      expect((await history(id)).at(-1).changedFields).toEqual(['capacity']);
    });

    it.each([
      [
        'an earlier end date',
        { endDate: '2027-03-01' },
        ['input', 'endDate'],
        /after the current end date \(2027-03-31\)/,
      ],
      [
        'the same end date',
        { endDate: '2027-03-31' },
        ['input', 'endDate'],
        /after the current end date/,
      ],
      [
        'a smaller capacity',
        { endDate: '2027-04-30', capacity: 2 },
        ['input', 'capacity'],
        /must not shrink below 3/,
      ],
      ['a malformed date', { endDate: '2027-13-01' }, ['input', 'endDate'], /YYYY-MM-DD/],
      ['nothing to change', { capacity: 3 }, ['input'], /nothing to extend/],
    ])('rejects %s', async (_what, input, path, message) => {
      const id = await refusedExtensions();
      const error = await expectRejected(
        id,
        () => extend(as('region'), { projectId: id, ...input }),
        'BAD_USER_INPUT',
      );
      const field = error.extensions.fields!.find((x) => x.path.join('.') === path.join('.'));
      expect(field?.message).toMatch(message);
    });
  });

  describe('editing', () => {
    const refusedEdits = shared('DRAFT');
    const update = (person: Person, projectId: string, changes: Record<string, unknown>) =>
      platform.gql(UPDATE, { input: { projectId, changes } }, person.token);

    it('changes only what is given and records the changed fields', async () => {
      const id = await projectIn('DRAFT', {
        hoursPerWeek: 6,
        seasonMonths: [5, 9],
        languages: ['ja', 'en'],
        attachments: [{ title: '募集要項', url: 'https://example.jp/a.pdf' }],
      });
      const before = await project(id);
      const data = expectData(
        await update(as('region'), id, { title: `  新しい題名 ${token} `, capacity: 5 }),
      ).updateProject;
      expect(data).toEqual({
        ...before,
        title: `新しい題名 ${token}`,
        capacity: 5,
      });
      const entry = (await history(id)).at(-1);
      expect(entry).toMatchObject({
        action: 'UPDATED',
        fromStatus: null,
        toStatus: null,
        actorId: as('region').id,
        actorName: 'bihoro-staff',
        comment: null,
      });
      expect(entry.changedFields.sort()).toEqual(['capacity', 'title']);
    });

    it('records a change of required skills', async () => {
      const skillId = await f.skill(`Thatching ${token}`);
      const id = await projectIn('DRAFT');
      const requiredSkills = [{ skillId, requirement: 'MUST', minLevel: 2 }];
      expectData(await update(as('region'), id, { requiredSkills }));
      expect((await history(id)).at(-1).changedFields).toEqual(['requiredSkills']);
      // The same list again (weight defaulted to 3 both times) is no change.
      const before = await history(id);
      expectData(await update(as('region'), id, { requiredSkills }));
      expect(await history(id)).toEqual(before);
      expectData(await update(as('region'), id, { requiredSkills: [] }));
      expect((await history(id)).at(-1).changedFields).toEqual(['requiredSkills']);
    });

    it('clears the end date, hours and program with null', async () => {
      const id = await projectIn('DRAFT', { hoursPerWeek: 6 });
      const data = expectData(
        await update(as('region'), id, { endDate: null, hoursPerWeek: null, programId: null }),
      ).updateProject;
      expect(data).toMatchObject({ endDate: null, hoursPerWeek: null, startDate: '2027-01-01' });
      expect((await history(id)).at(-1).changedFields.sort()).toEqual(['endDate', 'hoursPerWeek']);
    });

    it('records nothing when nothing changes', async () => {
      const attachments = [{ title: '地図', url: 'https://example.jp/map' }];
      const id = await projectIn('DRAFT', { attachments, seasonMonths: [4], languages: ['ja'] });
      const before = await history(id);
      expectData(
        await update(as('region'), id, {
          title: `ライフサイクル ${token}`,
          endDate: '2027-03-31',
          attachments,
          seasonMonths: [4],
          languages: ['ja'],
          requiredSkills: [],
        }),
      );
      expect(await history(id)).toEqual(before);
    });

    it('validates edits with paths under input.changes', async () => {
      const id = await projectIn('DRAFT');
      const tooSmall = await expectRejected(
        id,
        () => update(as('region'), id, { teamSize: 4 }),
        'BAD_USER_INPUT',
      );
      expect(tooSmall.extensions.fields).toEqual([
        { path: ['input', 'changes', 'capacity'], message: 'must be at least the team size (4)' },
      ]);
      const early = await expectRejected(
        id,
        () => update(as('region'), id, { endDate: '2026-12-31' }),
        'BAD_USER_INPUT',
      );
      expect(early.extensions.fields![0].path).toEqual(['input', 'changes', 'endDate']);
    });

    it.each([
      'title',
      'description',
      'themeCode',
      'mode',
      'startDate',
      'capacity',
      'teamSize',
      'seasonMonths',
      'languages',
      'attachments',
      'municipalityCode',
      'requiredSkills',
    ])('rejects null for %s, which cannot be cleared', async (field) => {
      const id = await refusedEdits();
      const error = await expectRejected(
        id,
        () => update(as('region'), id, { [field]: null }),
        'BAD_USER_INPUT',
      );
      expect(error.extensions.fields![0].path).toEqual(['input', 'changes', field]);
    });

    it.each(['IN_REVIEW', 'PUBLISHED', 'CLOSED', 'ARCHIVED'] as const)(
      'is a CONFLICT once the project is %s',
      async (status) => {
        const id = await projectIn(status);
        const error = await expectRejected(
          id,
          () => update(as('region'), id, { title: '遅すぎる変更' }),
          'CONFLICT',
          new RegExp(`^Only drafts can be edited; this project is ${status}$`),
        );
        expect(error.extensions.reason).toBe('WRONG_STATUS');
      },
    );

    // Everyone else is refused alike (project-roles.spec.ts): a supervisor stands for them.
    it('is FORBIDDEN for a supervising intermediary', async () => {
      const id = await projectIn('DRAFT');
      await expectRejected(
        id,
        () => update(as('coveringHub'), id, { title: '他人による変更' }),
        'FORBIDDEN',
        /Only the region edits its projects/,
      );
    });
  });

  describe('audit trail', () => {
    it('has one entry per step, oldest first, with actor, statuses, fields and comments', async () => {
      const region = as('region');
      const hub = as('coveringHub');
      const id = await f.project(region, regionId, { title: `監査 ${token}` });
      const steps: Array<[Person, string, Record<string, unknown>]> = [
        [
          region,
          UPDATE,
          {
            input: {
              projectId: id,
              changes: { description: '説明を詳しくしました。', endDate: null },
            },
          },
        ],
        [region, SUBMIT, { id }],
        [hub, REQUEST_CHANGES, { id, comment: '期間を書いてください' }],
        [region, UPDATE, { input: { projectId: id, changes: { endDate: '2027-08-31' } } }],
        [region, SUBMIT, { id }],
        [hub, COMMENT, { id, comment: '確認中です' }],
        [hub, PUBLISH, { id, comment: 'よい内容です' }],
        [region, EXTEND, { input: { projectId: id, endDate: '2027-10-31', capacity: 4 } }],
        [region, CLOSE, { id, reason: '募集終了' }],
        [hub, ARCHIVE, { id }],
      ];
      for (const [person, query, variables] of steps) {
        expectData(await platform.gql(query, variables, person.token));
        // A rejected attempt between the steps leaves no trace.
        rejection(await platform.gql(SUBMIT, { id }, as('participant').token));
      }

      const entries = await history(id);
      expect(
        entries.map((e) => [
          e.action,
          e.fromStatus,
          e.toStatus,
          e.actorId,
          [...e.changedFields].sort(),
          e.comment,
        ]),
      ).toEqual([
        ['CREATED', null, 'DRAFT', region.id, [], null],
        ['UPDATED', null, null, region.id, ['description', 'endDate'], null],
        ['SUBMITTED', 'DRAFT', 'IN_REVIEW', region.id, [], null],
        ['CHANGES_REQUESTED', 'IN_REVIEW', 'DRAFT', hub.id, [], '期間を書いてください'],
        ['UPDATED', null, null, region.id, ['endDate'], null],
        ['SUBMITTED', 'DRAFT', 'IN_REVIEW', region.id, [], null],
        ['COMMENTED', null, null, hub.id, [], '確認中です'],
        ['PUBLISHED', 'IN_REVIEW', 'PUBLISHED', hub.id, [], 'よい内容です'],
        ['EXTENDED', 'PUBLISHED', 'PUBLISHED', region.id, ['capacity', 'endDate'], null],
        ['CLOSED', 'PUBLISHED', 'CLOSED', region.id, [], '募集終了'],
        ['ARCHIVED', 'CLOSED', 'ARCHIVED', hub.id, [], null],
      ]);
      expect(entries.map((e) => e.actorName)).toEqual(
        entries.map((e) => (e.actorId === region.id ? 'bihoro-staff' : 'hokkaido-hub')),
      );
      const times = entries.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);

      const final = await project(id);
      expect(final).toMatchObject({
        status: 'ARCHIVED',
        endDate: '2027-10-31',
        capacity: 4,
        reviewComment: 'よい内容です',
      });
      expect(final.publishedAt).not.toBeNull();
      expect(final.closedAt).not.toBeNull();
    });

    it('is shown to the region and its supervisors only', async () => {
      const id = await projectIn('PUBLISHED');
      for (const role of ['region', 'coveringHub', 'admin'] as const) {
        const entries = expectData(
          await platform.gql(HISTORY, { projectId: id }, as(role).token),
        ).projectHistory;
        expect(entries.map((e: any) => e.action)).toEqual(['CREATED', 'SUBMITTED', 'PUBLISHED']);
      }
      for (const role of ['otherRegion', 'farHub', 'participant'] as const) {
        const result = await platform.gql(HISTORY, { projectId: id }, as(role).token);
        expect(rejection(result).extensions.code).toBe('FORBIDDEN');
      }
      const draft = await projectIn('DRAFT');
      const hidden = await platform.gql(HISTORY, { projectId: draft }, as('farHub').token);
      expect(rejection(hidden).extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('concurrency', () => {
    it('publishes once when two covering intermediaries publish at the same moment', async () => {
      const id = await projectIn('IN_REVIEW');
      const results = await Promise.all(
        [as('coveringHub'), townHub].map((p) => platform.gql(PUBLISH, { id }, p.token)),
      );
      const ok = results.filter((r) => !r.errors);
      const failed = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect(rejection(failed[0]).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVALID_TRANSITION',
      });
      expect(failed[0].errors![0].message).toBe(
        'Cannot publish a project that is PUBLISHED (allowed from IN_REVIEW)',
      );
      expect(ok[0].data.publishProject.status).toBe('PUBLISHED');
      const published = (await history(id)).filter((e) => e.action === 'PUBLISHED');
      expect(published).toHaveLength(1);
      const winner = results.indexOf(ok[0]) === 0 ? as('coveringHub') : townHub;
      expect(published[0].actorId).toBe(winner.id);
    });

    it('serialises a close racing an extension: both apply, in one order', async () => {
      const id = await projectIn('PUBLISHED');
      const results = await Promise.all([
        platform.gql(CLOSE, { id }, as('region').token),
        platform.gql(EXTEND, { input: { projectId: id, capacity: 9 } }, as('coveringHub').token),
      ]);
      const entries = await history(id);
      const tail = entries.slice(3).map((e) => e.action);
      if (results[1].errors) {
        // The close won the lock: the extension found a closed project.
        expect(results[1].errors[0].extensions).toMatchObject({
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
        });
        expect(tail).toEqual(['CLOSED']);
      } else {
        expect(tail).toEqual(['EXTENDED', 'CLOSED']);
      }
      expect(results[0].errors).toBeUndefined();
    });
  });
});
