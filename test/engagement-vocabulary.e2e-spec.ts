import { schemaDrift } from '@tsunagu/core';
import { EngagementVocabulary1795794000000 } from '../libs/core/src/database/migrations/1795794000000-EngagementVocabulary';
import { expectData, Fixtures } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// The rename of application to engagement in the database, both ways, on a database with data.
describe('EngagementVocabulary migration', () => {
  let platform: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
  });

  afterAll(() => platform.close());

  const sql = (text: string, params: unknown[] = []) => platform.dataSource.query(text, params);
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
    const admin = await f.admin();
    const staff = await f.signUp('tono');
    const regionId = await f.region(admin, '032069', [staff]);
    const hub = await f.signUp('iwate-tono-hub');
    await f.intermediary(admin, { prefectureCodes: ['03'] }, [hub]);
    const projectId = await f.publishedProject(hub, staff, regionId);
    const participant = await f.participant('sasaki');
    const id = expectData(
      await platform.gql(
        `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
        { input: { projectId, motivation: '遠野の民話の記録を手伝いたいです。' } },
        participant.token,
      ),
    ).applyToProject.id as string;
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
      await sql(`SELECT count(*)::int AS n FROM allocation_assignment WHERE application_id = $1`, [
        id,
      ]),
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
