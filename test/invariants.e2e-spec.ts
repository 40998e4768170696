import { ConflictReason } from '@tsunagu/core';
import { GraphQLError } from 'graphql';
import { formatGraphQLError } from '../apps/api/src/graphql/format-error';
import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const TRANSITION = `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
  status capacity startDate endDate } }`;
const REQUEST_CHANGES = `mutation($id: ID!) { requestProjectChanges(id: $id, comment: "見直してください") { status } }`;
const CLOSE = `mutation($id: ID!) { closeProject(id: $id) { status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveProject(id: $id) { status } }`;
const PROJECT = `query($id: ID!) { project(id: $id) { status capacity startDate endDate } }`;
const CREATE_TEAM = `mutation($input: CreateCompanyTeamInput!) { createCompanyTeam(input: $input) { id } }`;
const APPLY_TEAM = `mutation($input: ApplyAsCompanyTeamInput!) { applyAsCompanyTeam(input: $input) { id } }`;

const TERMS = { startDate: '2027-02-01', endDate: '2027-03-31', hoursPerWeek: 4, goals: '発信' };

// Invariants that sequences of allowed steps (not races) used to break: capacity against the seats
// held, the period against engagements that started, statuses, teams against free seats; and the
// database rules that stand behind the code.
describe('invariants', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;
  let region: Person;
  let hub: Person;
  let regionId: string;

  const transition = (person: Person, input: Record<string, unknown>) =>
    platform.gql(TRANSITION, { input }, person.token);
  const update = (projectId: string, changes: Record<string, unknown>) =>
    platform.gql(UPDATE, { input: { projectId, changes } }, region.token);
  const project = async (id: string) =>
    expectData(await platform.gql(PROJECT, { id }, admin.token)).project;
  const seatsHeld = async (projectId: string): Promise<number> =>
    (await platform.dataSource.query('SELECT project_seats_held($1) AS n', [projectId]))[0].n;

  // A published project of `capacity` with `accepted` participants holding seats.
  async function publishedWith(capacity: number, accepted: number, overrides = {}) {
    const projectId = await f.publishedProject(hub, region, regionId, { capacity, ...overrides });
    const engagementIds: string[] = [];
    for (let i = 0; i < accepted; i++) {
      const participant = await f.participant(`p${i}`);
      const id = expectData(
        await platform.gql(
          APPLY,
          { input: { projectId, motivation: '週末に町の発信を手伝いたいです。' } },
          participant.token,
        ),
      ).applyToProject.id as string;
      expectData(await transition(region, { engagementId: id, action: 'ACCEPT' }));
      engagementIds.push(id);
    }
    return { projectId, engagementIds };
  }

  async function applied(projectId: string): Promise<string> {
    const participant = await f.participant('late');
    return expectData(
      await platform.gql(
        APPLY,
        { input: { projectId, motivation: '週末に町の発信を手伝いたいです。' } },
        participant.token,
      ),
    ).applyToProject.id as string;
  }

  const sendBack = async (projectId: string) =>
    expectData(await platform.gql(REQUEST_CHANGES, { id: projectId }, hub.token));

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    ({
      admin,
      regionStaff: region,
      regionId,
      hubStaff: hub,
    } = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub'],
      project: false,
    }));
  });

  afterAll(() => platform.close());

  it('refuses to edit capacity below the seats held once a published project is sent back', async () => {
    const { projectId } = await publishedWith(2, 2);
    await sendBack(projectId);

    const refused = rejection(await update(projectId, { capacity: 1 }));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CAPACITY_BELOW_SEATS_HELD',
      fields: [
        {
          path: ['input', 'changes', 'capacity'],
          message: 'must be at least the 2 seats already held',
        },
      ],
    });
    // Republished as it was: never more seats held than places.
    await f.publish(hub, projectId);
    expect(await project(projectId)).toMatchObject({ status: 'PUBLISHED', capacity: 2 });
    expect(await seatsHeld(projectId)).toBe(2);
    // Raising it stays possible, and lowering it to exactly the seats held.
    await sendBack(projectId);
    expect(expectData(await update(projectId, { capacity: 3 })).updateProject.capacity).toBe(3);
    expect(expectData(await update(projectId, { capacity: 2 })).updateProject.capacity).toBe(2);
  });

  it('accepts nobody on a project sent back to draft or closed', async () => {
    const { projectId } = await publishedWith(3, 0);
    const waiting = await applied(projectId);
    await sendBack(projectId);

    const draft = rejection(await transition(region, { engagementId: waiting, action: 'ACCEPT' }));
    expect(draft.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_TAKING_APPLICATIONS',
    });
    expect(draft.message).toBe('This project is DRAFT: it takes nobody on');

    await f.publish(hub, projectId);
    expectData(await platform.gql(CLOSE, { id: projectId }, region.token));
    const closed = rejection(await transition(region, { engagementId: waiting, action: 'ACCEPT' }));
    expect(closed.extensions?.reason).toBe('NOT_TAKING_APPLICATIONS');
    expect(await seatsHeld(projectId)).toBe(0);
    // Declining stays possible: the application is answered.
    expectData(
      await transition(region, { engagementId: waiting, action: 'DECLINE', reason: '募集終了' }),
    );
  });

  it('does not archive a project while engagements on it are under way', async () => {
    const { projectId, engagementIds } = await publishedWith(2, 1);
    await sendBack(projectId);

    const refused = rejection(await platform.gql(ARCHIVE, { id: projectId }, region.token));
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ENGAGEMENTS_IN_PROGRESS',
    });
    expect((await project(projectId)).status).toBe('DRAFT');

    expectData(
      await transition(region, {
        engagementId: engagementIds[0],
        action: 'CANCEL',
        reason: '計画の見直し',
      }),
    );
    expect(
      expectData(await platform.gql(ARCHIVE, { id: projectId }, region.token)).archiveProject
        .status,
    ).toBe('ARCHIVED');
  });

  it('keeps the period around engagements that already started', async () => {
    const { projectId, engagementIds } = await publishedWith(2, 1, {
      startDate: '2027-01-01',
      endDate: '2027-06-30',
    });
    const id = engagementIds[0];
    expectData(await transition(hub, { engagementId: id, action: 'APPROVE', terms: TERMS }));
    expectData(await transition(hub, { engagementId: id, action: 'START' }));
    await sendBack(projectId);

    const lateStart = rejection(await update(projectId, { startDate: '2027-03-01' }));
    expect(lateStart.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERIOD_EXCLUDES_ENGAGEMENTS',
      fields: [{ path: ['input', 'changes', 'startDate'] }],
    });
    const earlyEnd = rejection(await update(projectId, { endDate: '2027-01-31' }));
    expect(earlyEnd.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERIOD_EXCLUDES_ENGAGEMENTS',
      fields: [{ path: ['input', 'changes', 'endDate'] }],
    });
    expect(await project(projectId)).toMatchObject({
      startDate: '2027-01-01',
      endDate: '2027-06-30',
    });
    // Moves that still cover the engagement's start are fine.
    expect(
      expectData(await update(projectId, { startDate: '2027-02-01', endDate: '2027-02-01' }))
        .updateProject,
    ).toMatchObject({ startDate: '2027-02-01', endDate: '2027-02-01' });
  });

  it('takes a company team only when all its members fit in the free seats', async () => {
    const owner = await f.signUp('mirai-hr');
    const companyId = await f.company(admin, owner, 'みらい株式会社');
    const members = [
      await f.employee(admin, companyId, 'mirai-1'),
      await f.employee(admin, companyId, 'mirai-2'),
    ];
    const teamId = expectData(
      await platform.gql(
        CREATE_TEAM,
        {
          input: {
            companyOrganizationId: companyId,
            name: '地域DXチーム',
            memberEmails: members.map((m) => m.email),
          },
        },
        owner.token,
      ),
    ).createCompanyTeam.id;
    const { projectId } = await publishedWith(2, 1);
    const applyTeam = () =>
      platform.gql(
        APPLY_TEAM,
        { input: { teamId, projectId, motivation: 'チームで週末に伺います。' } },
        owner.token,
      );

    const refused = rejection(await applyTeam());
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROJECT_FULL' });
    expect(refused.message).toBe('The team has 2 members but the project has 1 free places');
    const [{ n }] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM engagement WHERE project_id = $1',
      [projectId],
    );
    expect(n).toBe(1);
  });

  it('lists every conflict reason in the schema', async () => {
    const { __type } = expectData(
      await platform.gql(`{ __type(name: "ConflictReason") { enumValues { name } } }`, {}),
    );
    expect(__type.enumValues.map((v: { name: string }) => v.name).sort()).toEqual(
      Object.values(ConflictReason).sort(),
    );
  });

  describe('in the database', () => {
    const violation = async (sql: string, params: unknown[]) => {
      const error = await platform.dataSource.query(sql, params).then(
        () => null,
        (e: { code?: string; constraint?: string; driverError?: { constraint?: string } }) => e,
      );
      expect(error).not.toBeNull();
      return { code: error!.code, constraint: error!.constraint ?? error!.driverError?.constraint };
    };

    it('refuses shrinking capacity below the seats held', async () => {
      const { projectId } = await publishedWith(2, 2);
      expect(
        await violation('UPDATE project SET capacity = 1, team_size = 1 WHERE id = $1', [
          projectId,
        ]),
      ).toEqual({ code: '23514', constraint: 'project_capacity_covers_seats_held' });
      await platform.dataSource.query('UPDATE project SET capacity = 3 WHERE id = $1', [projectId]);
      expect((await project(projectId)).capacity).toBe(3);
    });

    it('refuses holding more seats than capacity', async () => {
      const { projectId } = await publishedWith(1, 1);
      const waiting = await applied(projectId);
      expect(
        await violation(`UPDATE engagement SET status = 'APPROVED' WHERE id = $1`, [waiting]),
      ).toEqual({ code: '23514', constraint: 'engagement_seat_within_capacity' });
      expect(await seatsHeld(projectId)).toBe(1);
    });

    it('refuses ranges and periods out of order', async () => {
      const { projectId, engagementIds } = await publishedWith(2, 1);
      const cases: Array<[string, unknown[], string]> = [
        [
          'UPDATE project SET season_months = $2 WHERE id = $1',
          [projectId, [4, 13]],
          'project_season_months_range',
        ],
        ['UPDATE project SET capacity = 1001 WHERE id = $1', [projectId], 'project_size_limits'],
        [
          'UPDATE project SET team_size = 3 WHERE id = $1',
          [projectId],
          'project_capacity_covers_team',
        ],
        [
          `UPDATE project SET end_date = '2026-12-31' WHERE id = $1`,
          [projectId],
          'project_period_ordered',
        ],
        [
          'UPDATE engagement SET terms = $2 WHERE id = $1',
          [engagementIds[0], { ...TERMS, endDate: '2027-01-01' }],
          'engagement_terms_valid',
        ],
        [
          'UPDATE engagement SET terms = $2 WHERE id = $1',
          [engagementIds[0], { ...TERMS, hoursPerWeek: 81 }],
          'engagement_terms_valid',
        ],
      ];
      for (const [sql, params, constraint] of cases) {
        expect(await violation(sql, params)).toEqual({ code: '23514', constraint });
      }
    });

    it('reaches clients as a CONFLICT with its reason, never as an internal error', async () => {
      const { projectId } = await publishedWith(2, 2);
      const refusal = await platform.dataSource
        .query('UPDATE project SET capacity = 1, team_size = 1 WHERE id = $1', [projectId])
        .then(
          () => null,
          (e: unknown) => e as Error,
        );
      // The real driver error, as a resolver would let it through.
      const error = new GraphQLError(refusal!.message, { originalError: refusal! });
      const formatted = formatGraphQLError(
        { message: error.message, path: ['updateProject'] },
        error,
      );
      expect(formatted.extensions).toEqual({
        code: 'CONFLICT',
        reason: 'CAPACITY_BELOW_SEATS_HELD',
      });
      expect(formatted.message).toBe(
        'Refused by the database rule project_capacity_covers_seats_held',
      );
    });
  });
});
