import { NestFactory } from '@nestjs/core';
import { CliModule } from '../apps/cli/src/cli.module';
import { DemoSeeder } from '../apps/cli/src/demo/demo-seeder';
import {
  DEMO_ACTIVITY_DAYS,
  DEMO_COUNCIL_MEMBERS,
  DEMO_PASSWORD,
  DEMO_PROJECTS,
} from '../apps/cli/src/demo/demo-data';
import { expectData } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// `npm start` loads this on an empty database: it must go through every current rule.
describe('demo data', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ worker: true });
  });

  afterAll(() => platform.close());

  it('loads into an empty database, once, and is usable through the API', async () => {
    const ctx = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
    try {
      expect(await ctx.get(DemoSeeder).seed()).toMatch(/demo data loaded/);
      expect(await ctx.get(DemoSeeder).seed()).toMatch(/already has data/);
    } finally {
      await ctx.close();
    }

    const published = expectData(
      await platform.gql(
        `{ projects(first: 100) { edges { node { title requiredSkills { code } } } } }`,
      ),
    );
    expect(published.projects.edges).toHaveLength(DEMO_PROJECTS.filter((p) => p.publish).length);
    expect(published.projects.edges.every((e: any) => e.node.requiredSkills.length > 0)).toBe(true);

    // Council members are listed with what they offer and seek.
    const council = expectData(
      await platform.gql(`{ councilMembers(first: 50) { edges { node { offerTags seekTags } } } }`),
    );
    expect(council.councilMembers.edges).toHaveLength(DEMO_COUNCIL_MEMBERS.length);
    expect(
      council.councilMembers.edges.every(
        (e: any) => e.node.offerTags.length > 0 && e.node.seekTags.length > 0,
      ),
    ).toBe(true);

    // The Ojiya rice terraces have their weekly farm days ahead.
    const [farmDays] = await platform.dataSource.query(
      `SELECT count(*)::int AS days, bool_and(d.starts_at > now()) AS ahead
         FROM activity_day d JOIN project p ON p.id = d.project_id WHERE p.title = $1`,
      [DEMO_ACTIVITY_DAYS.project],
    );
    expect(farmDays).toEqual({ days: DEMO_ACTIVITY_DAYS.weeks, ahead: true });

    const signIn = (email: string) =>
      platform.gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
        input: { email, password: DEMO_PASSWORD },
      });
    const region = expectData(await signIn('bihoro@demo.tsunagu.jp')).signIn.accessToken;
    // The seeded application reaches the region (which also heard its projects were published).
    await eventually(async () => {
      const data = expectData(
        await platform.gql(
          `{ myNotifications(first: 50) { edges { node { type } } } }`,
          {},
          region,
        ),
      );
      const types = data.myNotifications.edges.map((e: any) => e.node.type);
      return types.filter((t: string) => t === 'APPLICATION_SUBMITTED').length === 1;
    });
    const student = expectData(await signIn('highschool@demo.tsunagu.jp')).signIn.accessToken;
    const profile = expectData(
      await platform.gql(`{ myParticipantProfile { kind guardianName } }`, {}, student),
    );
    expect(profile.myParticipantProfile).toEqual({
      kind: 'HIGH_SCHOOL_STUDENT',
      guardianName: '渡辺 美香',
    });

    // The worker scores the demo profiles, so recommendations are there to try.
    const probono = expectData(await signIn('probono@demo.tsunagu.jp')).signIn.accessToken;
    const recommended = await eventually(async () => {
      const data = expectData(
        await platform.gql(
          `{ recommendedProjects(first: 5) { edges { node { rank project { title } } } } }`,
          {},
          probono,
        ),
      );
      return data.recommendedProjects.edges.length > 0 && data.recommendedProjects.edges;
    });
    expect(recommended[0].node.rank).toBe(1);
    // Some twenty accounts hashed and every demo row made through the services: slow on a busy
    // machine.
  }, 180_000);
});
