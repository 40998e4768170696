import { Injectable } from '@nestjs/common';
import { AppError, JapanGeography } from '@tsunagu/core';
import { EngagementStatus } from '@tsunagu/engagements';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import type { CompanyImpactArgs, CompanyImpactType } from './company-impact.types';

// The facts of the company's employees ($3) in the period [$1 00:00, $2 + 1 day 00:00) Japan
// time: applications (`application`, by submission) and approved check-in hours (`hours`, by
// approval), each with its project's region and prefecture. The employees' engagements (with
// their projects) are looked up once and both kinds of fact read from them: a large company's
// thousands of employees were otherwise looked up in `engagement` once per kind.
const FACTS = `
WITH bounds AS (
  SELECT ($1::date)::timestamp AT TIME ZONE 'Asia/Tokyo' AS lo,
         ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo' AS hi
), employee AS (
  SELECT pp.user_id FROM participant_profile pp
    JOIN membership m ON m.user_id = pp.user_id AND m.organization_id = pp.company_organization_id
   WHERE pp.company_organization_id = $3 AND pp.kind = 'COMPANY_EMPLOYEE'
), engaged AS MATERIALIZED (
  SELECT e.id, e.participant_id, e.status::text AS status, e.created_at, p.region_organization_id,
         p.prefecture_code
    FROM employee em JOIN engagement e ON e.participant_id = em.user_id
    JOIN project p ON p.id = e.project_id
), facts AS MATERIALIZED (
  SELECT 'application' AS metric, g.participant_id, g.status, g.created_at AS at,
         g.region_organization_id, g.prefecture_code, NULL::float8 AS hours
    FROM engaged g, bounds b
   WHERE g.created_at >= b.lo AND g.created_at < b.hi
  UNION ALL
  SELECT 'hours', g.participant_id, g.status, c.approved_at, g.region_organization_id,
         g.prefecture_code, c.hours::float8
    FROM engaged g JOIN engagement_check_in c ON c.engagement_id = g.id, bounds b
   WHERE c.approved_at >= b.lo AND c.approved_at < b.hi
)`;

// An application counts towards a region once the intermediary approved it.
const REACHED = `(f.metric = 'hours' OR f.status IN ('APPROVED', 'ACTIVE', 'COMPLETED'))`;

// Every figure from one pass over the facts (MATERIALIZED: computed once, read by each part),
// each part as JSON in its order, instead of one statement per part recomputing them.
const IMPACT_SQL = `${FACTS}
SELECT
  (SELECT json_build_object(
            'hours', coalesce(sum(f.hours), 0)::float8,
            'participants', count(DISTINCT f.participant_id)::int,
            'applications', count(*) FILTER (WHERE f.metric = 'application')::int)
     FROM facts f) AS totals,
  (SELECT coalesce(json_agg(x ORDER BY x.status), '[]') FROM (
     SELECT f.status, count(*)::int AS count FROM facts f
      WHERE f.metric = 'application' GROUP BY f.status) x) AS "byStatus",
  (SELECT coalesce(json_agg(x ORDER BY x.hours DESC, x.engagements DESC, x.name), '[]') FROM (
     SELECT o.id AS "organizationId", o.name, o.prefecture_code AS "prefectureCode",
            count(*) FILTER (WHERE f.metric = 'application')::int AS engagements,
            coalesce(sum(f.hours), 0)::float8 AS hours
       FROM facts f JOIN organization o ON o.id = f.region_organization_id
      WHERE ${REACHED}
      GROUP BY o.id, o.name, o.prefecture_code) x) AS regions,
  (SELECT coalesce(json_agg(x ORDER BY x."prefectureCode"), '[]') FROM (
     SELECT f.prefecture_code AS "prefectureCode",
            count(*) FILTER (WHERE f.metric = 'application')::int AS engagements,
            coalesce(sum(f.hours), 0)::float8 AS hours
       FROM facts f
      WHERE ${REACHED} AND f.prefecture_code IS NOT NULL
      GROUP BY f.prefecture_code) x) AS prefectures,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT to_char(f.at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month,
            count(*) FILTER (WHERE f.metric = 'application')::int AS applications,
            coalesce(sum(f.hours), 0)::float8 AS hours
       FROM facts f GROUP BY 1) x) AS months`;

// Every month from `from`'s to `to`'s, as YYYY-MM.
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

// A company's impact for its CSR report: what its employees did in regions, computed in SQL.
@Injectable()
export class CompanyImpactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  async impact(actor: Actor, args: CompanyImpactArgs): Promise<CompanyImpactType> {
    const company = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: args.companyOrganizationId });
    if (company?.kind !== OrganizationKind.COMPANY) {
      throw AppError.notFound('Company', args.companyOrganizationId);
    }
    this.policy.assert(
      this.policy.canManageCompany(actor, company.id),
      'Only the company’s owners or platform admins see its impact',
    );
    const [{ totals, byStatus, regions, prefectures, months }] = await this.dataSource.query<
      Array<{
        totals: { hours: number; participants: number; applications: number };
        byStatus: Array<{ status: EngagementStatus; count: number }>;
        regions: CompanyImpactType['regions'];
        prefectures: Array<{ prefectureCode: string; engagements: number; hours: number }>;
        months: CompanyImpactType['months'];
      }>
    >(IMPACT_SQL, [args.from, args.to, company.id]);
    const geo = JapanGeography.get();
    const monthRows = new Map(months.map((m) => [m.month, m]));
    return {
      from: args.from,
      to: args.to,
      ...totals,
      byStatus,
      regions,
      prefectures: prefectures.map((p) => {
        const prefecture = geo.prefecture(p.prefectureCode);
        return {
          ...p,
          nameJa: prefecture?.nameJa ?? p.prefectureCode,
          nameEn: prefecture?.nameEn ?? p.prefectureCode,
        };
      }),
      months: monthsBetween(args.from, args.to).map(
        (month) => monthRows.get(month) ?? { month, applications: 0, hours: 0 },
      ),
    };
  }
}
