import { randomUUID } from 'node:crypto';
import { Actor, MembershipRole, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { EngagementKpiFilterInput, KpiGroupBy, KpiReportService } from '@tsunagu/insights';
import { ParticipantKind } from '@tsunagu/participants';
import { Pool } from 'pg';
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

  // The facts are stored (kpi_fact) and kept by triggers in the writes of their sources; the
  // reference reads the sources themselves. After each change that reaches back into facts
  // already stored, the report must still answer what the reference answers, and the stored facts
  // must be exactly what their definition (the view kpi_fact_source) reads from the sources now.
  describe('after changes that reach back into stored facts', () => {
    const db = () => platform.dataSource;
    const expectStoredAsDefined = async () => {
      const [{ missing, extra }] = await db().query(
        `SELECT (SELECT count(*)::int FROM (SELECT * FROM kpi_fact_source
                                             EXCEPT ALL SELECT * FROM kpi_fact) d) AS missing,
                (SELECT count(*)::int FROM (SELECT * FROM kpi_fact
                                             EXCEPT ALL SELECT * FROM kpi_fact_source) d) AS extra`,
      );
      expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
    };
    const everyKind = Object.values(ParticipantKind);
    const expectSameEverywhere = async () => {
      await expectStoredAsDefined();
      await expectSame(admin, YEAR);
      await expectSame(staffOf(intermediary), YEAR);
      await expectSame(admin, { ...YEAR, programId: program });
      await expectSame(admin, { ...YEAR, regionOrganizationId: region });
      for (const participantKind of everyKind)
        await expectSame(admin, { ...YEAR, participantKind });
    };
    // A participant of the given kind with a match in the year (so distinct people and medians
    // move with them), and their engagements.
    const matchedParticipant = async (kind: ParticipantKind) => {
      const [{ who }] = await db().query(
        `SELECT e.participant_id AS who FROM engagement e
           JOIN participant_profile pp ON pp.user_id = e.participant_id
           JOIN engagement_event ev ON ev.engagement_id = e.id AND ev.to_status = 'ACCEPTED'
          WHERE pp.kind = $1 ORDER BY e.participant_id LIMIT 1`,
        [kind],
      );
      return who as string;
    };

    it('counts a participant under their new kind, facts already stored included', async () => {
      const who = await matchedParticipant(ParticipantKind.UNIVERSITY_STUDENT);
      const before = await service.figuresBy(admin, YEAR, [KpiGroupBy.PARTICIPANT_KIND]);
      await db().query(`UPDATE participant_profile SET kind = 'PRO_BONO' WHERE user_id = $1`, [
        who,
      ]);
      const after = await service.figuresBy(admin, YEAR, [KpiGroupBy.PARTICIPANT_KIND]);
      expect(after).not.toEqual(before);
      await expectSameEverywhere();
    });

    it('counts follow-ups recorded after they were due', async () => {
      const due = await db().query<Array<{ id: string }>>(
        `SELECT id FROM follow_up WHERE recorded_at IS NULL AND due_at <= now()
          ORDER BY id LIMIT 12`,
      );
      expect(due.length).toBeGreaterThan(4);
      const ids = due.map((d) => d.id);
      await db().query(
        `UPDATE follow_up SET recorded_at = now(), outcomes = '{REVISITED}' WHERE id = ANY($1)`,
        [ids.slice(0, -2)],
      );
      await db().query(
        `UPDATE follow_up SET recorded_at = now(), outcomes = '{LOST_TOUCH}' WHERE id = ANY($1)`,
        [ids.slice(-2)],
      );
      // And an outcome corrected afterwards.
      await db().query(`UPDATE follow_up SET outcomes = '{LOST_TOUCH}' WHERE id = $1`, [ids[0]]);
      await expectSameEverywhere();
    });

    it('counts a project unpublished, republished and moved to another program and theme', async () => {
      const [{ id, other, theme }] = await db().query(
        `SELECT p.id,
                (SELECT pr.id FROM program pr WHERE pr.id <> p.program_id ORDER BY pr.id LIMIT 1) AS other,
                (SELECT t.code FROM theme t WHERE t.code <> p.theme_code ORDER BY t.code LIMIT 1) AS theme
           FROM project p JOIN engagement e ON e.project_id = p.id
          WHERE p.program_id = $1 AND p.published_at IS NOT NULL
          GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
        [program],
      );
      // Unpublished (closed: it keeps when it was published), then published again.
      await db().query(`UPDATE project SET status = 'CLOSED' WHERE id = $1`, [id]);
      await expectSame(admin, YEAR);
      await db().query(
        `UPDATE project SET status = 'PUBLISHED', published_at = '2026-06-15T10:00:00+09:00'
          WHERE id = $1`,
        [id],
      );
      await expectSameEverywhere();
      const movedFrom = await service.figuresBy(admin, { ...YEAR, programId: program }, [
        KpiGroupBy.NONE,
      ]);
      await db().query(`UPDATE project SET program_id = $2, theme_code = $3 WHERE id = $1`, [
        id,
        other,
        theme,
      ]);
      const movedOut = await service.figuresBy(admin, { ...YEAR, programId: program }, [
        KpiGroupBy.NONE,
      ]);
      expect(movedOut).not.toEqual(movedFrom);
      await expectSameEverywhere();
      await expectSame(admin, { ...YEAR, programId: other });
      await expectSame(admin, { ...YEAR, themeCode: theme });
      // A project without a publication date any more has no publication fact.
      await db().query(`UPDATE project SET published_at = NULL WHERE id = $1`, [id]);
      await expectSameEverywhere();
    });

    it('counts new applications, matches, check-ins, ends and offers, and forgets deleted rows', async () => {
      const [engagement] = await db().query(
        `SELECT e.id, e.participant_id AS who, e.project_id AS project FROM engagement e
          WHERE e.status = 'ACTIVE' ORDER BY e.id LIMIT 1`,
      );
      // An earlier acceptance moves the match (the first one counts) and its days to match.
      await db().query(
        `INSERT INTO engagement_event (engagement_id, action, from_status, to_status, created_at)
         SELECT id, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', created_at + interval '1 day'
           FROM engagement WHERE id = $1`,
        [engagement.id],
      );
      await db().query(
        `INSERT INTO engagement_check_in (engagement_id, participant_id, summary, hours, approved_at)
         VALUES ($1, $2, '草刈り', 2.5, now() - interval '2 days')`,
        [engagement.id, engagement.who],
      );
      await db().query(
        `INSERT INTO engagement_event (engagement_id, action, from_status, to_status)
         VALUES ($1, 'COMPLETE', 'ACTIVE', 'COMPLETED')`,
        [engagement.id],
      );
      // An application and a scout offer to a project the participant has not applied to.
      const [{ other, sender }] = await db().query(
        `SELECT p.id AS other, p.region_organization_id AS sender FROM project p
          WHERE p.published_at IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM engagement e WHERE e.project_id = p.id AND e.participant_id = $1)
          ORDER BY p.id LIMIT 1`,
        [engagement.who],
      );
      await db().query(
        `INSERT INTO engagement (project_id, participant_id, motivation, status)
         VALUES ($1, $2, 'やってみたい', 'SUBMITTED')`,
        [other, engagement.who],
      );
      await db().query(
        `INSERT INTO scout_offer (project_id, participant_id, sender_organization_id, message, expires_at)
         VALUES ($1, $2, $3, 'いかがですか', now() + interval '14 days')`,
        [other, engagement.who, sender],
      );
      await expectSameEverywhere();
      // A check-in taken back (an activity day's attendance undone deletes it), an engagement
      // deleted with everything hanging on it, a participant's offers with their project's.
      await db().query(
        `DELETE FROM engagement_check_in WHERE id = (
           SELECT id FROM engagement_check_in WHERE approved_at IS NOT NULL ORDER BY id LIMIT 1)`,
      );
      await db().query(`DELETE FROM engagement WHERE id = (
                          SELECT e.id FROM engagement e
                            JOIN engagement_event ev ON ev.engagement_id = e.id
                           WHERE ev.to_status = 'COMPLETED' ORDER BY e.id LIMIT 1)`);
      await db().query(
        `DELETE FROM scout_offer WHERE id = (SELECT id FROM scout_offer ORDER BY id LIMIT 1)`,
      );
      await expectSameEverywhere();
    });

    it('stays exact under concurrent writers, more at once than a pool holds', async () => {
      // Four participants' kinds changed back and forth while their engagements are accepted,
      // checked in and followed up, in 32 transactions over 8 connections (the API's pool holds
      // 2 in tests), each pausing between its writes so they interleave.
      const people = await db().query<Array<{ who: string; engagements: string[] }>>(
        `SELECT e.participant_id AS who, array_agg(e.id ORDER BY e.id) AS engagements
           FROM engagement e JOIN engagement_event ev ON ev.engagement_id = e.id
          WHERE ev.to_status = 'ACCEPTED'
          GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 4`,
      );
      const pool = new Pool({ connectionString: platform.databaseUrl, max: 8 });
      const pause = () => `SELECT pg_sleep(random() * 0.05)`;
      const inTransaction = async (statements: Array<[string, unknown[]]>) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          for (const [sql, parameters] of statements) {
            await client.query(sql, parameters);
            await client.query(pause());
          }
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      };
      try {
        await Promise.all(
          Array.from({ length: 32 }, (_, i) => {
            const { who, engagements } = people[i % people.length];
            const engagement = engagements[i % engagements.length];
            const kind = everyKind[i % everyKind.length];
            switch (i % 4) {
              case 0:
                return inTransaction([
                  [`UPDATE participant_profile SET kind = $2 WHERE user_id = $1`, [who, kind]],
                ]);
              case 1:
                return inTransaction([
                  [
                    `INSERT INTO engagement_check_in (engagement_id, participant_id, summary, hours, approved_at)
                     VALUES ($1, $2, '見回り', 1.5, now())`,
                    [engagement, who],
                  ],
                  [`UPDATE participant_profile SET kind = $2 WHERE user_id = $1`, [who, kind]],
                ]);
              case 2:
                return inTransaction([
                  [
                    `INSERT INTO engagement_event (engagement_id, action, from_status, to_status, created_at)
                     SELECT id, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', created_at + $2 * interval '1 hour'
                       FROM engagement WHERE id = $1`,
                    [engagement, i],
                  ],
                  [
                    `INSERT INTO engagement_check_in (engagement_id, participant_id, summary, hours, approved_at)
                     VALUES ($1, $2, '打ち合わせ', 0.5, now())`,
                    [engagement, who],
                  ],
                ]);
              default:
                return inTransaction([
                  [
                    `UPDATE follow_up SET recorded_at = now(), outcomes = '{ONLINE_INVOLVEMENT}'
                      WHERE engagement_id = $1`,
                    [engagement],
                  ],
                  [`UPDATE participant_profile SET kind = $2 WHERE user_id = $1`, [who, kind]],
                ]);
            }
          }),
        );
      } finally {
        await pool.end();
      }
      await expectSameEverywhere();
    });

    it('fails when a trigger is left out (the change of kind)', async () => {
      const who = await matchedParticipant(ParticipantKind.HIGH_SCHOOL_STUDENT);
      const m = db();
      await m.query(`ALTER TABLE participant_profile DISABLE TRIGGER kpi_participant_kind_changed`);
      try {
        await m.query(
          `UPDATE participant_profile SET kind = 'COMPANY_EMPLOYEE' WHERE user_id = $1`,
          [who],
        );
        const now = await service.figuresBy(admin, YEAR, [KpiGroupBy.PARTICIPANT_KIND]);
        const before = await reference.figuresBy(admin, YEAR, [KpiGroupBy.PARTICIPANT_KIND]);
        expect(comparable(now)).not.toEqual(comparable(before));
      } finally {
        await m.query(
          `ALTER TABLE participant_profile ENABLE TRIGGER kpi_participant_kind_changed`,
        );
        // The facts rebuilt from their definition, as the migration's backfill does.
        await m.query(`DELETE FROM kpi_fact`);
        await m.query(`INSERT INTO kpi_fact SELECT * FROM kpi_fact_source`);
      }
      await expectSameEverywhere();
    });
  });
});
