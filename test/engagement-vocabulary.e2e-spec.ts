import { schemaDrift } from '@tsunagu/core';
import { EngagementVocabulary1795794000000 } from '../libs/core/src/database/migrations/1795794000000-EngagementVocabulary';
import { expectData, Fixtures, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// What starts as an application and lives on is an engagement: in the tables (a migration both
// ways) and in GraphQL, where the old application names keep working, reported deprecated.
describe('engagement vocabulary', () => {
  let platform: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
  });

  afterAll(() => platform.close());

  const sql = (text: string, params: unknown[] = []) => platform.dataSource.query(text, params);

  // A participant's fresh application to a published project in Iwate, and who answers it.
  async function applied(code: string, label: string) {
    const admin = await f.admin();
    const staff = await f.signUp(`${label}-staff`);
    const regionId = await f.region(admin, code, [staff]);
    const hub = await f.signUp(`${label}-hub`);
    await f.intermediary(admin, { prefectureCodes: ['03'] }, [hub]);
    const projectId = await f.publishedProject(hub, staff, regionId);
    const participant = await f.participant(`${label}-participant`);
    const id = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: '地域の記録づくりを手伝いたいです。' } },
        participant.token,
      ),
    ).applyToProject.id as string;
    return { id, projectId, staff, participant };
  }

  describe('EngagementVocabulary migration', () => {
    const migrate = async (way: 'up' | 'down') => {
      const runner = platform.dataSource.createQueryRunner();
      try {
        await new EngagementVocabulary1795794000000()[way](runner);
      } finally {
        await runner.release();
      }
    };
    const triggers = async () =>
      (await sql(`SELECT tgname FROM pg_trigger WHERE tgname LIKE '%seat_within_capacity'`)).map(
        (r: { tgname: string }) => r.tgname,
      );

    it('renames tables, columns, the seat rule and stored links back and forth, keeping the rows', async () => {
      const { id, projectId } = await applied('032069', 'kitakami');
      const outboxPayload = async () =>
        (
          await sql(`SELECT payload FROM outbox_message WHERE job_id = $1`, [
            `event.application-submitted.${id}`,
          ])
        )[0].payload.event.payload;
      expect(await outboxPayload()).toEqual({ engagementId: id });

      await migrate('down');
      expect(await sql(`SELECT status FROM application WHERE id = $1`, [id])).toEqual([
        { status: 'SUBMITTED' },
      ]);
      expect(
        await sql(
          `SELECT count(*)::int AS n FROM allocation_assignment WHERE application_id = $1`,
          [id],
        ),
      ).toEqual([{ n: 0 }]);
      expect(await outboxPayload()).toEqual({ applicationId: id });
      expect(await triggers()).toEqual(['application_seat_within_capacity']);

      await migrate('up');
      expect(await sql(`SELECT status FROM engagement WHERE id = $1`, [id])).toEqual([
        { status: 'SUBMITTED' },
      ]);
      expect(await outboxPayload()).toEqual({ engagementId: id });
      expect(await triggers()).toEqual(['engagement_seat_within_capacity']);
      expect(await sql(`SELECT project_seats_held($1) AS n`, [projectId])).toEqual([{ n: 0 }]);
      expect((await schemaDrift(platform.dataSource)).up).toEqual([]);
    });
  });

  describe('deprecated GraphQL names', () => {
    it('reports the application names deprecated by introspection, beside their engagement names', async () => {
      const { participant } = await applied('032077', 'kuji');
      const types = expectData(
        await platform.gql(
          `{
            query: __type(name: "Query") {
              fields(includeDeprecated: true) {
                name isDeprecated deprecationReason
                args(includeDeprecated: true) { name isDeprecated }
              }
            }
            transition: __type(name: "TransitionEngagementInput") {
              inputFields(includeDeprecated: true) { name isDeprecated }
            }
            checkIn: __type(name: "EngagementCheckIn") {
              fields(includeDeprecated: true) { name isDeprecated }
            }
            application: __type(name: "Application") { name }
          }`,
          {},
          participant.token,
        ),
      );
      const query = (name: string) => types.query.fields.find((x: any) => x.name === name);
      const flags = (list: { name: string; isDeprecated: boolean }[]) =>
        Object.fromEntries(
          list
            .filter((x) => x.name === 'engagementId' || x.name === 'applicationId')
            .map((x) => [x.name, x.isDeprecated]),
        );

      expect(query('myApplications')).toMatchObject({
        isDeprecated: true,
        deprecationReason: 'Use myEngagements.',
      });
      expect(query('projectApplications')).toMatchObject({
        isDeprecated: true,
        deprecationReason: 'Use projectEngagements.',
      });
      expect(query('myEngagements').isDeprecated).toBe(false);
      expect(query('projectEngagements').isDeprecated).toBe(false);
      for (const name of [
        'engagementHistory',
        'engagementContacts',
        'engagementCheckIns',
        'engagementNotes',
        'engagementMilestones',
        'engagementFeedback',
        'engagementCompletion',
      ]) {
        expect([name, flags(query(name).args)]).toEqual([
          name,
          { engagementId: false, applicationId: true },
        ]);
      }
      expect(flags(types.transition.inputFields)).toEqual({
        engagementId: false,
        applicationId: true,
      });
      expect(flags(types.checkIn.fields)).toEqual({ engagementId: false, applicationId: true });
      // A type's name cannot be deprecated: Application is now Engagement (see the README).
      expect(types.application).toBeNull();
    });

    it('still answers the application names, and wants exactly one of the two ids', async () => {
      const { id, staff, participant } = await applied('032085', 'tono');

      const mine = expectData(
        await platform.gql(
          `{ myApplications(first: 5) { edges { node { __typename id } } }
             myEngagements(first: 5) { edges { node { __typename id } } } }`,
          {},
          participant.token,
        ),
      );
      expect(mine.myApplications.edges).toEqual([{ node: { __typename: 'Engagement', id } }]);
      expect(mine.myEngagements.edges).toEqual(mine.myApplications.edges);

      const history = `query($engagementId: ID, $applicationId: ID) {
        engagementHistory(engagementId: $engagementId, applicationId: $applicationId) { action } }`;
      expect(expectData(await platform.gql(history, { applicationId: id }, staff.token))).toEqual(
        expectData(await platform.gql(history, { engagementId: id }, staff.token)),
      );
      for (const both of [{}, { engagementId: id, applicationId: id }]) {
        expect(rejection(await platform.gql(history, both, staff.token)).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
        });
      }

      const transition = `mutation($input: TransitionEngagementInput!) {
        transitionEngagement(input: $input) { id status } }`;
      const refused = rejection(
        await platform.gql(
          transition,
          { input: { engagementId: id, applicationId: id, action: 'ACCEPT' } },
          staff.token,
        ),
      );
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(refused.message).toContain('input.engagementId');
      expect(
        expectData(
          await platform.gql(
            transition,
            { input: { applicationId: id, action: 'ACCEPT' } },
            staff.token,
          ),
        ).transitionEngagement,
      ).toEqual({ id, status: 'ACCEPTED' });
    });
  });
});
