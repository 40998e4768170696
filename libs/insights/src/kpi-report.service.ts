import { Injectable } from '@nestjs/common';
import { AppError, JapanGeography } from '@tsunagu/core';
import { Actor, OrganizationKind, PolicyService, remitCoversSql } from '@tsunagu/identity';
import { ParticipantKind } from '@tsunagu/participants';
import { DataSource } from 'typeorm';
import { CsvColumn, toCsv } from './kpi-csv';
import { EngagementKpiFilterInput, EngagementKpiType, KpiGroupBy } from './kpi-report.types';

const KIND_LABELS: Record<ParticipantKind, string> = {
  [ParticipantKind.PRO_BONO]: 'プロボノ',
  [ParticipantKind.UNIVERSITY_STUDENT]: '大学生',
  [ParticipantKind.HIGH_SCHOOL_STUDENT]: '高校生',
  [ParticipantKind.COMPANY_EMPLOYEE]: '会社員',
};

// The group key of a fact (`f`, which carries its project's attributes), which facts have one
// (a published project has no participant kind, a figure "as of now" no month), and the group's
// label from its key (`g.key`), looked up once per group rather than carried by every fact.
function grouping(groupBy: KpiGroupBy): { key: string; label: string; where: string } {
  switch (groupBy) {
    case KpiGroupBy.NONE:
      return { key: `'ALL'`, label: `'全体'`, where: 'true' };
    case KpiGroupBy.PROGRAM:
      return {
        key: 'f.program_id::text',
        label: `coalesce((SELECT pr.name FROM program pr WHERE pr.id = g.key::uuid), 'プログラムなし')`,
        where: 'true',
      };
    case KpiGroupBy.REGION:
      return {
        key: 'f.region_organization_id::text',
        label: '(SELECT org.name FROM organization org WHERE org.id = g.key::uuid)',
        where: 'true',
      };
    case KpiGroupBy.THEME:
      return {
        key: 'f.theme_code',
        label: '(SELECT th.name_ja FROM theme th WHERE th.code = g.key)',
        where: 'true',
      };
    case KpiGroupBy.PARTICIPANT_KIND:
      return { key: 'f.kind', label: 'g.key', where: 'f.kind IS NOT NULL' };
    case KpiGroupBy.MONTH: {
      // Computed only by the statements that group by month: per fact, it is not free.
      const month = `to_char(f.at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`;
      return { key: month, label: 'g.key', where: 'f.at IS NOT NULL' };
    }
    // Named from the bundled geography afterwards (JapanGeography), not in SQL.
    case KpiGroupBy.PREFECTURE:
      return { key: 'f.prefecture_code', label: 'g.key', where: 'true' };
  }
}

// Several groupings of the same facts in one statement: one grouping set each (NONE the empty
// one), told apart by GROUPING() of its key: which grouping a row is, and its key.
function groupingSelect(groupings: readonly KpiGroupBy[]): string {
  const kinds = groupings.filter((g) => g !== KpiGroupBy.NONE);
  const none = grouping(KpiGroupBy.NONE);
  if (!kinds.length) return `'${KpiGroupBy.NONE}' AS grouping, ${none.key} AS key`;
  const when = (pick: (g: KpiGroupBy) => string) =>
    kinds.map((g) => `WHEN GROUPING(${grouping(g).key}) = 0 THEN ${pick(g)}`).join(' ');
  return `CASE ${when((g) => `'${g}'`)} ELSE '${KpiGroupBy.NONE}' END AS grouping,
       CASE ${when((g) => `(${grouping(g).key})::text`)} ELSE ${none.key} END AS key`;
}

// A grouping's `where` only drops the facts without a key, so here it drops that set's null-key
// group instead (HAVING). `by` is grouped by in every set (the metric, for the cells below).
function groupingClauses(groupings: readonly KpiGroupBy[], by = ''): string {
  const sets = groupings.map((g) => (g === KpiGroupBy.NONE ? '()' : `(${grouping(g).key})`));
  const dropped = groupings
    .map((g) => grouping(g))
    .filter((g) => g.where !== 'true')
    .map((g) => `(GROUPING(${g.key}) = 0 AND ${g.key} IS NULL)`);
  return ` GROUP BY ${by ? `${by}, ` : ''}GROUPING SETS (${sets.join(', ')})
${dropped.length ? ` HAVING NOT (${dropped.join(' OR ')})` : ''}`;
}

// The label of a row `g` (its grouping and key).
function labelSelect(groupings: readonly KpiGroupBy[]): string {
  return `CASE g.grouping ${groupings.map((g) => `WHEN '${g}' THEN (${grouping(g).label})::text`).join(' ')} END`;
}

// A project in the actor's remit, whose code lists are parameters $4 and $5.
const IN_REMIT = remitCoversSql(
  { prefectureCodes: '$4::text[]', municipalityCodes: '$5::text[]' },
  { prefectureCode: 'p.prefecture_code', municipalityCode: 'p.municipality_code' },
);

// Every figure is one kind of fact (metric) about a project in scope, so one GROUP BY computes
// them all. Periods are whole days in Japan time: [from 00:00, to + 1 day 00:00).
//  - match: an application's first transition to ACCEPTED (accepting a scout offer submits an
//    application the region still accepts), timed by that event; value = days since applying.
//  - participants: the distinct people behind the period's matches (the relationship population
//    the period created).
//  - ended: an engagement leaving APPROVED or ACTIVE for COMPLETED, CANCELLED or WITHDRAWN, i.e.
//    ending after the intermediary approved it; value 1 when COMPLETED. Declines and withdrawals
//    before approval are matching outcomes, not engagement outcomes, so they are left out.
//  - follow_up_N: an N-month follow-up due in the period and by now; value 1 when recorded with
//    an outcome other than LOST_TOUCH (not recorded counts as not continuing).
//  - stale: an ACTIVE engagement with a STALE alert and no check-in since the quiet period began.
// `facts` is MATERIALIZED: inlined, the planner (expecting one row of `scope`) ran the whole union
// once per project in scope (bench:screens, ReportKpis: 2.1 s of SQL → 0.26 s at 10,000 people).
// `reach` says how the engagements in scope and their rows are read (FactReach below).
const KPI_SQL = (groupings: readonly KpiGroupBy[], reach: FactReach) => `
WITH bounds AS (
  SELECT ($1::date)::timestamp AT TIME ZONE 'Asia/Tokyo' AS lo,
         ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo' AS hi
), scope AS (
  SELECT p.id, p.program_id, p.region_organization_id, p.theme_code, p.prefecture_code,
         p.published_at
    FROM project p LEFT JOIN program pr ON pr.id = p.program_id
   WHERE ($3::boolean OR ${IN_REMIT} OR p.region_organization_id = ANY($6::uuid[]))
     AND ($7::uuid IS NULL OR pr.intermediary_organization_id = $7::uuid)
     AND ($8::uuid IS NULL OR p.program_id = $8::uuid)
     AND ($9::uuid IS NULL OR p.region_organization_id = $9::uuid)
     AND ($10::text IS NULL OR p.theme_code = $10::text)
), engagement AS (
  SELECT a.id, s.program_id, s.region_organization_id, s.theme_code, s.prefecture_code, a.status,
         a.created_at, pp.kind::text AS kind, a.participant_id AS who
    FROM ${reach.engagements}
   WHERE $11::text IS NULL OR pp.kind::text = $11::text
), facts AS MATERIALIZED (
  SELECT NULL::text AS kind, s.published_at AS at, 'published' AS metric,
         NULL::float8 AS value, NULL::uuid AS who, s.program_id, s.region_organization_id,
         s.theme_code, s.prefecture_code
    FROM scope s, bounds b WHERE s.published_at >= b.lo AND s.published_at < b.hi
  UNION ALL
  SELECT e.kind, e.created_at, 'application', NULL, e.who, ${PROJECT('e')}
    FROM engagement e, bounds b WHERE e.created_at >= b.lo AND e.created_at < b.hi
  UNION ALL
  SELECT pp.kind::text, o.created_at, 'offer', NULL, o.participant_id, ${PROJECT('s')}
    FROM scout_offer o
    JOIN scope s ON s.id = o.project_id
    JOIN participant_profile pp ON pp.user_id = o.participant_id, bounds b
   WHERE ($11::text IS NULL OR pp.kind::text = $11::text)
     AND o.created_at >= b.lo AND o.created_at < b.hi
  UNION ALL
  SELECT e.kind, m.at, 'match', extract(epoch FROM m.at - e.created_at) / 86400, e.who,
         ${PROJECT('e')}
    FROM engagement e ${reach.firstAccepted}, bounds b
   WHERE m.at >= b.lo AND m.at < b.hi
  UNION ALL
  SELECT e.kind, NULL, 'active', NULL, e.who, ${PROJECT('e')}
    FROM engagement e WHERE e.status = 'ACTIVE'
  UNION ALL
  SELECT e.kind, NULL, 'stale', NULL, e.who, ${PROJECT('e')}
    FROM engagement e
   WHERE e.status = 'ACTIVE' AND EXISTS (
     SELECT 1 FROM engagement_alert al
      WHERE al.engagement_id = e.id AND al.kind = 'STALE' AND NOT EXISTS (
        SELECT 1 FROM engagement_check_in c WHERE c.engagement_id = e.id AND c.created_at > al.since))
  UNION ALL
  SELECT e.kind, c.approved_at, 'hours', c.hours::float8, e.who, ${PROJECT('e')}
    FROM engagement e ${reach.rowsOf('engagement_check_in', 'c')}, bounds b
   WHERE c.approved_at >= b.lo AND c.approved_at < b.hi
  UNION ALL
  SELECT e.kind, ev.created_at, 'ended',
         CASE WHEN ev.to_status = 'COMPLETED' THEN 1 ELSE 0 END, e.who, ${PROJECT('e')}
    FROM engagement e ${reach.rowsOf('engagement_event', 'ev')}, bounds b
   WHERE ev.from_status IN ('APPROVED', 'ACTIVE')
     AND ev.to_status IN ('COMPLETED', 'CANCELLED', 'WITHDRAWN')
     AND ev.created_at >= b.lo AND ev.created_at < b.hi
  UNION ALL
  SELECT e.kind, fu.due_at, 'follow_up_' || fu.due_months,
         CASE WHEN fu.recorded_at IS NOT NULL AND EXISTS (
           SELECT 1 FROM unnest(fu.outcomes) o WHERE o <> 'LOST_TOUCH') THEN 1 ELSE 0 END, e.who,
         ${PROJECT('e')}
    FROM engagement e ${reach.rowsOf('follow_up', 'fu')}, bounds b
   WHERE fu.due_at <= now() AND fu.due_at >= b.lo AND fu.due_at < b.hi
), cells AS (
  -- Each grouping's count and sum of each metric: three aggregates that need no order, so every
  -- set is hashed in one pass over the facts (no sort per set, no FILTER per figure and fact).
  SELECT ${groupingSelect(groupings)}, f.metric, count(*) AS n, sum(f.value) AS total,
         sum(f.value::numeric) AS exact
    FROM facts f
  ${groupingClauses(groupings, 'f.metric')}
), matched AS (
  -- What needs the matches themselves (distinct people, the median): from the matches alone.
  SELECT ${groupingSelect(groupings)}, count(DISTINCT f.who)::int AS participants,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY f.value) AS "medianDaysToMatch"
    FROM facts f
   WHERE f.metric = 'match'
  ${groupingClauses(groupings)}
), figures AS (
  -- The two aggregated together by group (grouping, key): every group with a match is a group of
  -- the cells too, and a group without one has no participants and no median.
  SELECT grouping, key,
         coalesce(max(participants), 0) AS participants,
         max("medianDaysToMatch") AS "medianDaysToMatch",
         ${COUNT('published')} AS "projectsPublished",
         ${COUNT('application')} AS applications,
         ${COUNT('offer')} AS offers,
         ${COUNT('match')} AS matches,
         ${COUNT('active')} AS "activeEngagements",
         coalesce(sum(exact) FILTER (WHERE metric = 'hours'), 0)::float8 AS "hoursContributed",
         coalesce(sum(total) FILTER (WHERE metric = 'ended'), 0)::int AS "completedEngagements",
         ${SHARE('ended')} AS "completionRate",
         ${SHARE('follow_up_3')} AS continuation3,
         ${SHARE('follow_up_6')} AS continuation6,
         ${SHARE('follow_up_12')} AS continuation12,
         ${COUNT('stale')} AS "staleCount"
    FROM (SELECT grouping, key, metric, n, total, exact, NULL::int AS participants,
                 NULL::float8 AS "medianDaysToMatch"
            FROM cells
          UNION ALL
          SELECT grouping, key, 'people', NULL, NULL, NULL, participants, "medianDaysToMatch"
            FROM matched) c
   GROUP BY grouping, key
)
SELECT g.grouping, g.key, ${labelSelect(groupings)} AS label, g."projectsPublished",
       g.applications, g.offers, g.matches, g.participants, g."medianDaysToMatch",
       g."activeEngagements", g."hoursContributed",
       g."completedEngagements", g."completionRate", g.continuation3, g.continuation6,
       g.continuation12, g."staleCount"
  FROM figures g
 ORDER BY 1, 2`;

// How the statement reaches the engagements in scope (aliased `a`, with their profile `pp`) and
// each one's rows (`e` being an engagement of the `engagement` CTE).
interface FactReach {
  engagements: string;
  // The engagement's first transition to ACCEPTED, as `m.at` (none: not matched).
  firstAccepted: string;
  // The engagement's rows of a table keyed by `engagement_id`, aliased.
  rowsOf(table: string, alias: string): string;
}

// The whole country (the platform admin's report): every engagement is in scope, so whole tables
// joined by hash are the cheapest way to read them.
const COUNTRY: FactReach = {
  engagements: `engagement a
    JOIN scope s ON s.id = a.project_id
    JOIN participant_profile pp ON pp.user_id = a.participant_id`,
  firstAccepted: `JOIN (SELECT ev.engagement_id, min(ev.created_at) AS at FROM engagement_event ev
           WHERE ev.to_status = 'ACCEPTED' GROUP BY ev.engagement_id) m
      ON m.engagement_id = e.id`,
  rowsOf: (table, alias) => `JOIN ${table} ${alias} ON ${alias}.engagement_id = e.id`,
};

// A part of it (a remit, a program, a region): each project's engagements and each engagement's
// rows looked up by their indexes, so the statement reads what the part holds, not the country.
// Left to itself the planner (estimating the scope's engagements from the scope's projects)
// hashed whole tables here: at 100,000 people a prefecture's report grouped all 90,000 events
// and read all 42,000 check-ins. A lateral subquery is always looked up per outer row; its
// `OFFSET 0` keeps the planner from flattening it back into a join it may hash.
const PART: FactReach = {
  engagements: `scope s
    CROSS JOIN LATERAL (SELECT a.id, a.status, a.created_at, a.participant_id FROM engagement a
                         WHERE a.project_id = s.id OFFSET 0) a
    CROSS JOIN LATERAL (SELECT pp.kind FROM participant_profile pp
                         WHERE pp.user_id = a.participant_id OFFSET 0) pp`,
  firstAccepted: `CROSS JOIN LATERAL (SELECT min(ev.created_at) AS at FROM engagement_event ev
           WHERE ev.engagement_id = e.id AND ev.to_status = 'ACCEPTED') m`,
  rowsOf: (table, alias) =>
    `CROSS JOIN LATERAL (SELECT * FROM ${table} r WHERE r.engagement_id = e.id OFFSET 0) ${alias}`,
};

// A fact's project: the attributes the groupings key on.
const PROJECT = (alias: string) =>
  `${alias}.program_id, ${alias}.region_organization_id, ${alias}.theme_code, ${alias}.prefecture_code`;

// The number of facts of a metric in a group.
const COUNT = (metric: string) => `coalesce(sum(n) FILTER (WHERE metric = '${metric}'), 0)::int`;

// The mean of a metric's 0/1 values, as avg() would give it: their sum (exact, being whole) over
// their number, none without facts.
const SHARE = (metric: string) =>
  `(sum(total) FILTER (WHERE metric = '${metric}'))::float8 / nullif(sum(n) FILTER (WHERE metric = '${metric}'), 0)::float8`;

type KpiRow = Omit<EngagementKpiType, 'acceptanceRate'>;

// Which projects a report may count: all, or those in remits and regions.
interface KpiScope {
  everything: boolean;
  prefectureCodes: string[];
  municipalityCodes: string[];
  regionOrganizationIds: string[];
}

const EMPTY: KpiRow = {
  key: 'ALL',
  label: '全体',
  projectsPublished: 0,
  applications: 0,
  offers: 0,
  matches: 0,
  participants: 0,
  medianDaysToMatch: null,
  activeEngagements: 0,
  hoursContributed: 0,
  completedEngagements: 0,
  completionRate: null,
  continuation3: null,
  continuation6: null,
  continuation12: null,
  staleCount: 0,
};

// Column headers in Japanese with the GraphQL field name, for people and for re-import.
export const KPI_CSV_COLUMNS: CsvColumn<EngagementKpiType>[] = [
  { header: '区分キー (key)', value: (r) => r.key },
  { header: '区分 (label)', value: (r) => r.label },
  { header: '公開プロジェクト数 (projectsPublished)', value: (r) => r.projectsPublished },
  { header: '応募数 (applications)', value: (r) => r.applications },
  { header: 'スカウト数 (offers)', value: (r) => r.offers },
  { header: 'マッチ数 (matches)', value: (r) => r.matches },
  { header: 'マッチ率 (acceptanceRate)', value: (r) => r.acceptanceRate },
  { header: 'マッチまでの日数・中央値 (medianDaysToMatch)', value: (r) => r.medianDaysToMatch },
  { header: '活動中 (activeEngagements)', value: (r) => r.activeEngagements },
  { header: '活動時間 (hoursContributed)', value: (r) => r.hoursContributed },
  { header: '完了率 (completionRate)', value: (r) => r.completionRate },
  { header: '3か月継続率 (continuation3)', value: (r) => r.continuation3 },
  { header: '6か月継続率 (continuation6)', value: (r) => r.continuation6 },
  { header: '12か月継続率 (continuation12)', value: (r) => r.continuation12 },
  { header: '停滞 (staleCount)', value: (r) => r.staleCount },
];

// Reporting figures (KPI / PDCA) for intermediaries, regions and the platform, computed in SQL.
@Injectable()
export class KpiReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  async figures(
    actor: Actor,
    filter: EngagementKpiFilterInput,
    groupBy: KpiGroupBy,
  ): Promise<EngagementKpiType[]> {
    const [rows] = await this.figuresBy(actor, filter, [groupBy]);
    return rows;
  }

  // The same figures under several groupings at once, from one pass over the facts (a report
  // screen asks for five): one list per grouping, in the order asked.
  async figuresBy(
    actor: Actor,
    filter: EngagementKpiFilterInput,
    groupings: readonly KpiGroupBy[],
  ): Promise<EngagementKpiType[][]> {
    // The period is in order and short enough already (EngagementKpiFilterInput).
    return this.compute(this.scopeOf(actor), filter, groupings);
  }

  // The figures of one program's projects, wherever they are: for its own intermediary's report,
  // whose access the caller has checked (ProgramPlanService).
  async programFigures(
    programId: string,
    period: { from: string; to: string },
    groupings: readonly KpiGroupBy[],
  ): Promise<EngagementKpiType[][]> {
    const everything = {
      everything: true,
      prefectureCodes: [],
      municipalityCodes: [],
      regionOrganizationIds: [],
    };
    return this.compute(everything, { ...period, programId }, groupings);
  }

  private async compute(
    scope: KpiScope,
    filter: EngagementKpiFilterInput,
    groupings: readonly KpiGroupBy[],
  ): Promise<EngagementKpiType[][]> {
    const distinct = [...new Set(groupings)];
    // The country unless the scope or a filter narrows it to some projects (a theme alone does
    // not: a quarter of the country is still best read whole).
    const part =
      !scope.everything ||
      Boolean(filter.programId || filter.regionOrganizationId || filter.intermediaryOrganizationId);
    const rows: Array<KpiRow & { grouping: KpiGroupBy }> = await this.dataSource.query(
      KPI_SQL(distinct, part ? PART : COUNTRY),
      [
        filter.from,
        filter.to,
        scope.everything,
        scope.prefectureCodes,
        scope.municipalityCodes,
        scope.regionOrganizationIds,
        filter.intermediaryOrganizationId ?? null,
        filter.programId ?? null,
        filter.regionOrganizationId ?? null,
        filter.themeCode ?? null,
        filter.participantKind ?? null,
      ],
    );
    return groupings.map((groupBy) => {
      const own = rows.filter((r) => r.grouping === groupBy).map(({ grouping: _, ...row }) => row);
      // Without any fact the single overall row still reads as zeros.
      const found = groupBy === KpiGroupBy.NONE && own.length === 0 ? [EMPTY] : own;
      return found.map((row) => ({
        ...row,
        label: this.labelOf(groupBy, row),
        projectsPublished: groupBy === KpiGroupBy.PARTICIPANT_KIND ? null : row.projectsPublished,
        acceptanceRate: row.applications > 0 ? row.matches / row.applications : null,
        activeEngagements: groupBy === KpiGroupBy.MONTH ? null : row.activeEngagements,
        staleCount: groupBy === KpiGroupBy.MONTH ? null : row.staleCount,
      }));
    });
  }

  async csv(actor: Actor, filter: EngagementKpiFilterInput, groupBy: KpiGroupBy): Promise<string> {
    return toCsv(await this.figures(actor, filter, groupBy), KPI_CSV_COLUMNS);
  }

  private labelOf(groupBy: KpiGroupBy, row: KpiRow): string {
    if (groupBy === KpiGroupBy.PARTICIPANT_KIND) return KIND_LABELS[row.key as ParticipantKind];
    if (groupBy === KpiGroupBy.PREFECTURE) {
      return JapanGeography.get().prefecture(row.key ?? '')?.nameJa ?? row.label;
    }
    return row.label;
  }

  // Intermediary staff see projects in their remit, region staff their region's, admins all.
  private scopeOf(actor: Actor): KpiScope {
    const remit = this.policy.remitOf(actor);
    const regions = actor.memberships.filter((m) => m.organizationKind === OrganizationKind.REGION);
    const everything = this.policy.isPlatformAdmin(actor);
    if (!everything && !remit && regions.length === 0) {
      throw AppError.forbidden('Reports are for intermediary and region staff');
    }
    return {
      everything,
      prefectureCodes: remit?.prefectureCodes ?? [],
      municipalityCodes: remit?.municipalityCodes ?? [],
      regionOrganizationIds: regions.map((m) => m.organizationId),
    };
  }
}
