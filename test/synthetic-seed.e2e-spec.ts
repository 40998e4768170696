import { SyntheticSeedError } from '../apps/cli/src/synthetic/seed-options';
import {
  seedSynthetic,
  SYNTHETIC_PASSWORD,
  SyntheticSeedReport,
} from '../apps/cli/src/synthetic/synthetic-seeder';
import { expectData } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// The synthetic data generator's writer against a migrated database: what lands in the tables,
// the invariants the schema does not check, and that a second run changes nothing.
describe('seed:synthetic', () => {
  let platform: TestPlatform;
  let report: SyntheticSeedReport;
  const options = {
    participants: 300,
    projects: 40,
    seed: 42,
    asOf: '2026-12-01',
    activity: true,
  };
  const one = async (sql: string): Promise<number> =>
    Number(Object.values((await platform.dataSource.query(sql))[0])[0]);

  beforeAll(async () => {
    platform = await startTestPlatform();
    // The skill taxonomy the generator draws from comes with the migrations.
    expect(await one(`SELECT count(*) FROM skill`)).toBeGreaterThan(0);
    report = await seedSynthetic(platform.dataSource, options);
  }, 120_000);

  afterAll(() => platform.close());

  it('writes the requested participants and projects and reports every table', async () => {
    expect(await one(`SELECT count(*) FROM participant_profile`)).toBe(300);
    expect(await one(`SELECT count(*) FROM project`)).toBe(40);
    expect(await one(`SELECT count(*) FROM organization WHERE kind = 'INTERMEDIARY'`)).toBe(47);
    expect(await one(`SELECT count(*) FROM remit_area`)).toBe(47);
    expect(await one(`SELECT count(*) FROM program`)).toBe(47);
    expect(await one(`SELECT count(*) FROM organization WHERE kind = 'COMPANY'`)).toBe(3);
    expect(await one(`SELECT count(*) FROM "user" WHERE email LIKE '%@synthetic.tsunagu.jp'`)).toBe(
      await one(`SELECT count(*) FROM "user"`),
    );
    for (const table of report.tables) {
      expect(await one(`SELECT count(*) FROM "${table.table}"`)).toBe(table.rows);
    }
    expect(report.tables.map((t) => t.table)).toEqual([
      'organization',
      'user',
      'membership',
      'remit_area',
      'program',
      'participant_profile',
      'participant_skill',
      'project',
      'project_skill',
      'project_audit_entry',
      'engagement',
      'engagement_event',
      'engagement_check_in',
      'engagement_milestone',
      'engagement_feedback',
      'follow_up',
      'conversation',
      'conversation_message',
      'notification',
    ]);
    // National scale: a region in every municipality, and a year of engagements that the
    // database's own rules (capacity trigger, checks, enums, keys) accepted.
    expect(await one(`SELECT count(*) FROM organization WHERE kind = 'REGION'`)).toBe(1741);
    expect(await one(`SELECT count(*) FROM engagement`)).toBeGreaterThan(50);
  });

  it('keeps the invariants the data promises', async () => {
    // High-school students have recorded guardian consent; employees belong to their company.
    expect(
      await one(`SELECT count(*) FROM participant_profile WHERE kind = 'HIGH_SCHOOL_STUDENT'
                 AND (guardian_name IS NULL OR guardian_consent_at IS NULL)`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM participant_profile p
                 LEFT JOIN organization o ON o.id = p.company_organization_id AND o.kind = 'COMPANY'
                 LEFT JOIN membership m ON m.user_id = p.user_id AND m.organization_id = o.id
                 WHERE p.kind = 'COMPANY_EMPLOYEE' AND m.id IS NULL`),
    ).toBe(0);
    // 2–6 skills per participant, 1–4 per project.
    expect(
      await one(`SELECT count(*) FROM (SELECT user_id FROM participant_skill GROUP BY user_id
                 HAVING count(*) NOT BETWEEN 2 AND 6) x`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM project p WHERE
                 (SELECT count(*) FROM project_skill s WHERE s.project_id = p.id) NOT BETWEEN 1 AND 4`),
    ).toBe(0);
    // Projects sit in their region's municipality; published ones were published by the
    // intermediary whose remit covers them.
    expect(
      await one(`SELECT count(*) FROM project p JOIN organization r ON r.id = p.region_organization_id
                 WHERE r.kind <> 'REGION' OR r.municipality_code <> p.municipality_code
                    OR p.prefecture_code <> left(p.municipality_code, 2)`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM project p WHERE p.status IN ('PUBLISHED', 'CLOSED') AND NOT EXISTS (
                   SELECT 1 FROM membership m JOIN remit_area a ON a.organization_id = m.organization_id
                   WHERE m.user_id = p.published_by_id AND a.prefecture_code = p.prefecture_code)`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM project
                 WHERE (status IN ('PUBLISHED', 'CLOSED')) <> (published_at IS NOT NULL)`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM project WHERE status = 'PUBLISHED'`)).toBeGreaterThan(
      20,
    );
    // Array and JSON columns arrive as arrays, not as text.
    expect(
      await one(`SELECT count(*) FROM participant_profile
                 WHERE cardinality(theme_codes) NOT BETWEEN 1 AND 3 OR cardinality(goals) = 0
                    OR jsonb_typeof(available_periods) <> 'array' OR NOT 'ja' = ANY(languages)`),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM participant_profile p WHERE NOT theme_codes <@ ARRAY(SELECT code FROM theme)`,
      ),
    ).toBe(0);
  });

  it('lets synthetic people sign in and finds the projects by Japanese text', async () => {
    const signedIn = expectData(
      await platform.gql(
        `mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { accessToken } }`,
        { email: 'p000001@synthetic.tsunagu.jp', password: SYNTHETIC_PASSWORD },
      ),
    );
    expect(signedIn.signIn.accessToken).toEqual(expect.any(String));

    const [{ id, title }] = await platform.dataSource.query(
      `SELECT id, title FROM project WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`,
    );
    const found = expectData(
      await platform.gql(
        `query($text: String!) { projects(first: 100, filter: { text: $text }) { edges { node { id title } } } }`,
        { text: title },
      ),
    );
    expect(found.projects.edges.map((e: any) => e.node.id)).toContain(id);
  });

  it('refuses a second run and writes nothing', async () => {
    const before = await one(`SELECT count(*) FROM "user"`);
    await expect(seedSynthetic(platform.dataSource, options)).rejects.toThrow(SyntheticSeedError);
    await expect(seedSynthetic(platform.dataSource, { ...options, seed: 7 })).rejects.toThrow(
      /already has [\d,]+ synthetic accounts/,
    );
    expect(await one(`SELECT count(*) FROM "user"`)).toBe(before);
  });
});
