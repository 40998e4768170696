import { randomUUID } from 'node:crypto';
import { Actor, MembershipRole, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { EngagementKpiFilterInput, KpiGroupBy, KpiReportService } from '@tsunagu/insights';
import { ParticipantKind } from '@tsunagu/participants';
import { DataSource } from 'typeorm';
import { seedSynthetic } from '../apps/cli/src/synthetic/synthetic-seeder';
import { REFERENCE_KPI_SQL } from './support/kpi-reference-sql';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const EVERY_GROUPING = Object.values(KpiGroupBy) as KpiGroupBy[];
const YEAR = { from: '2025-12-01', to: '2026-12-01' };

// The report's figures are aggregated per metric and grouping set (kpi-report.service.ts); the
// statement before did it in one pass of FILTERed aggregates. On a year of synthetic activity
// (with fractional hours and stale alerts added), every grouping under every kind of filter must
// answer what that previous statement answers, row for row.
describe('KPI report answers as the previous statement did', () => {
  let platform: TestPlatform;
  let service: KpiReportService;
  let reference: KpiReportService;
  let intermediary: { id: string; prefectureCode: string };
  let program: string;
  let region: string;

  const admin: Actor = {
    userId: randomUUID(),
    locale: 'ja',
    memberships: [
      {
        organizationId: randomUUID(),
        organizationKind: OrganizationKind.PLATFORM,
        role: MembershipRole.OWNER,
        municipalityCode: null,
        remitPrefectureCodes: [],
        remitMunicipalityCodes: [],
      },
    ],
  };
  const staffOf = (org: { id: string; prefectureCode: string }): Actor => ({
    userId: randomUUID(),
    locale: 'ja',
    memberships: [
      {
        organizationId: org.id,
        organizationKind: OrganizationKind.INTERMEDIARY,
        role: MembershipRole.STAFF,
        municipalityCode: null,
        remitPrefectureCodes: [org.prefectureCode],
        remitMunicipalityCodes: [],
      },
    ],
  });

  beforeAll(async () => {
    platform = await startTestPlatform();
    const db = platform.dataSource;
    await seedSynthetic(db, {
      participants: 2000,
      projects: 200,
      seed: 7,
      asOf: '2026-12-01',
      activity: true,
    });
    // Hours a float would sum in different orders to different last digits, and stale alerts on
    // twelve active engagements (ten raised now, two as old as their engagement).
    await db.query(`UPDATE engagement_check_in SET hours = 1.3 WHERE id IN (
                      SELECT id FROM engagement_check_in ORDER BY id LIMIT 40)`);
    await db.query(`UPDATE engagement_check_in SET hours = 0.7 WHERE id IN (
                      SELECT id FROM engagement_check_in ORDER BY id DESC LIMIT 40)`);
    await db.query(`INSERT INTO engagement_alert (engagement_id, kind, since)
                    SELECT id, 'STALE', CASE WHEN n <= 10 THEN now() ELSE created_at END
                      FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n
                              FROM engagement WHERE status = 'ACTIVE') a
                     WHERE n <= 12`);
    [intermediary] = await db.query(
      `SELECT o.id, r.prefecture_code AS "prefectureCode" FROM organization o
         JOIN remit_area r ON r.organization_id = o.id
         JOIN project p ON p.prefecture_code = r.prefecture_code
         JOIN engagement e ON e.project_id = p.id
        WHERE o.kind = 'INTERMEDIARY' GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    [{ program, region }] = await db.query(
      `SELECT p.program_id AS program, p.region_organization_id AS region FROM engagement e
         JOIN project p ON p.id = e.project_id WHERE p.program_id IS NOT NULL
        GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`,
    );

    service = platform.api.get(KpiReportService);
    // The same service, its statement replaced by the previous one (same parameters, columns).
    let groupings: readonly KpiGroupBy[] = [];
    const previous = {
      query: (_sql: string, parameters: unknown[]) =>
        db.query(REFERENCE_KPI_SQL(groupings), parameters),
    } as unknown as DataSource;
    const policy = platform.api.get(PolicyService);
    const asked = new KpiReportService(previous, policy);
    reference = Object.assign(Object.create(asked) as KpiReportService, {
      figuresBy: (actor: Actor, filter: EngagementKpiFilterInput, gs: readonly KpiGroupBy[]) => {
        groupings = [...new Set(gs)];
        return asked.figuresBy(actor, filter, gs);
      },
    });
  }, 180_000);

  afterAll(() => platform.close());

  // Hours compared to the micro-hour: the previous statement summed them as floats in whatever
  // order the sort left them, the new one as the numeric they are stored as.
  const comparable = (lists: Awaited<ReturnType<KpiReportService['figuresBy']>>) =>
    lists.map((rows) =>
      rows.map((r) => ({ ...r, hoursContributed: Math.round(r.hoursContributed * 1e6) })),
    );
  const expectSame = async (actor: Actor, filter: EngagementKpiFilterInput) => {
    const now = await service.figuresBy(actor, filter, EVERY_GROUPING);
    const before = await reference.figuresBy(actor, filter, EVERY_GROUPING);
    expect(comparable(now)).toEqual(comparable(before));
    return now;
  };

  it('has the activity to compare', async () => {
    const [overall] = (await service.figuresBy(admin, YEAR, [KpiGroupBy.NONE]))[0];
    expect(overall.applications).toBeGreaterThan(200);
    expect(overall.matches).toBeGreaterThan(20);
    expect(overall.hoursContributed).toBeGreaterThan(0);
    expect(overall.completedEngagements).toBeGreaterThan(0);
    expect(overall.staleCount).toBeGreaterThan(0);
    expect(overall.continuation3).not.toBeNull();
  });

  it('answers the platform admin every grouping of the country', async () => {
    const lists = await expectSame(admin, YEAR);
    expect(lists.every((rows) => rows.length > 0)).toBe(true);
    // Hours are the exact decimal sum.
    const [{ exact }] = await platform.dataSource.query(
      `SELECT sum(hours)::float8 AS exact FROM engagement_check_in
        WHERE approved_at >= '2025-12-01T00:00:00+09:00' AND approved_at < '2026-12-02T00:00:00+09:00'`,
    );
    expect(lists[0][0].hoursContributed).toBe(exact);
  });

  it('answers under each filter, as an intermediary and as the admin', async () => {
    await expectSame(staffOf(intermediary), {
      ...YEAR,
      intermediaryOrganizationId: intermediary.id,
    });
    await expectSame(staffOf(intermediary), YEAR);
    // A remit's report reads its part by index (the country's by hash joins): with every filter
    // the part's statement takes, the participant's kind included.
    await expectSame(staffOf(intermediary), {
      ...YEAR,
      participantKind: ParticipantKind.UNIVERSITY_STUDENT,
    });
    await expectSame(admin, { ...YEAR, programId: program });
    await expectSame(admin, { ...YEAR, regionOrganizationId: region });
    await expectSame(admin, { ...YEAR, themeCode: 'agriculture' });
    await expectSame(admin, { ...YEAR, participantKind: ParticipantKind.UNIVERSITY_STUDENT });
    await expectSame(admin, { from: '2026-04-01', to: '2026-06-30' });
  });

  it('answers a period without dated facts, and a filter without any fact, with zeros', async () => {
    // Active and stale engagements are counted as of now, whatever the period.
    const lists = await expectSame(admin, { from: '2010-04-01', to: '2011-03-31' });
    expect(lists[0]).toHaveLength(1);
    expect(lists[0][0].applications).toBe(0);
    // No project has this theme: no fact at all, only the overall row.
    const none = await expectSame(admin, { ...YEAR, themeCode: 'no-such-theme' });
    expect(none[0]).toHaveLength(1);
    expect(none[0][0]).toMatchObject({ applications: 0, matches: 0, activeEngagements: 0 });
    expect(none.slice(1).every((rows) => rows.length === 0)).toBe(true);
  });
});
