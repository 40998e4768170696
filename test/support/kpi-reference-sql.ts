import { remitCoversSql } from '@tsunagu/identity';
import { KpiGroupBy } from '@tsunagu/insights';

// The KPI statement as it was before the figures were aggregated per metric (kpi-report.service.ts
// up to December 2026), kept verbatim as the reference the report's answers are compared with:
// one pass of FILTERed aggregates over the facts joined to their projects, sorted per grouping
// set. Same parameters ($1–$11) and the same columns.

// The group key and label of a fact (`f`, with its project `s`), and which facts have one: a
// published project has no participant kind, and a figure "as of now" no month.
function grouping(groupBy: KpiGroupBy): { key: string; label: string; where: string } {
  switch (groupBy) {
    case KpiGroupBy.NONE:
      return { key: `'ALL'`, label: `'全体'`, where: 'true' };
    case KpiGroupBy.PROGRAM:
      return {
        key: 's.program_id::text',
        label: `coalesce(pr.name, 'プログラムなし')`,
        where: 'true',
      };
    case KpiGroupBy.REGION:
      return { key: 's.region_organization_id::text', label: 'org.name', where: 'true' };
    case KpiGroupBy.THEME:
      return { key: 's.theme_code', label: 'th.name_ja', where: 'true' };
    case KpiGroupBy.PARTICIPANT_KIND:
      return { key: 'f.kind', label: 'f.kind', where: 'f.kind IS NOT NULL' };
    case KpiGroupBy.MONTH: {
      const month = `to_char(f.at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`;
      return { key: month, label: month, where: 'f.at IS NOT NULL' };
    }
    // Named from the bundled geography afterwards (JapanGeography), not in SQL.
    case KpiGroupBy.PREFECTURE:
      return { key: 's.prefecture_code', label: 's.prefecture_code', where: 'true' };
  }
}

// Several groupings of the same facts in one statement: one grouping set each (NONE the empty
// one), told apart by GROUPING() of its key. A grouping's `where` only drops the facts without
// a key, so here it drops that set's null-key group instead (HAVING).
function groupingSelect(groupings: readonly KpiGroupBy[]): string {
  const sets = groupings.filter((g) => g !== KpiGroupBy.NONE).map((g) => grouping(g));
  const which = (pick: (g: { key: string; label: string }) => string, none: string) =>
    sets.length
      ? `CASE ${sets.map((g) => `WHEN GROUPING(${g.key}) = 0 THEN ${pick(g)}`).join(' ')} ELSE ${none} END`
      : none;
  const kinds = groupings.filter((g) => g !== KpiGroupBy.NONE);
  const set = kinds.length
    ? `CASE ${kinds.map((g) => `WHEN GROUPING(${grouping(g).key}) = 0 THEN '${g}'`).join(' ')} ELSE '${KpiGroupBy.NONE}' END`
    : `'${KpiGroupBy.NONE}'`;
  const none = grouping(KpiGroupBy.NONE);
  return `${set} AS grouping, ${which((g) => `(${g.key})::text`, none.key)} AS key, ${which((g) => `(${g.label})::text`, none.label)} AS label`;
}

function groupingClauses(groupings: readonly KpiGroupBy[]): string {
  const sets = groupings.map((g) =>
    g === KpiGroupBy.NONE ? '()' : `((${grouping(g).key}), (${grouping(g).label}))`,
  );
  const dropped = groupings
    .map((g) => grouping(g))
    .filter((g) => g.where !== 'true')
    .map((g) => `(GROUPING(${g.key}) = 0 AND ${g.key} IS NULL)`);
  return ` GROUP BY GROUPING SETS (${sets.join(', ')})
${dropped.length ? ` HAVING NOT (${dropped.join(' OR ')})` : ''}
 ORDER BY 1, 2`;
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
export const REFERENCE_KPI_SQL = (groupings: readonly KpiGroupBy[]) => `
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
  SELECT a.id, a.project_id, a.status, a.created_at, pp.kind::text AS kind, a.participant_id AS who
    FROM engagement a
    JOIN scope s ON s.id = a.project_id
    JOIN participant_profile pp ON pp.user_id = a.participant_id
   WHERE $11::text IS NULL OR pp.kind::text = $11::text
), facts AS MATERIALIZED (
  SELECT s.id AS project_id, NULL::text AS kind, s.published_at AS at, 'published' AS metric,
         NULL::float8 AS value, NULL::uuid AS who
    FROM scope s, bounds b WHERE s.published_at >= b.lo AND s.published_at < b.hi
  UNION ALL
  SELECT e.project_id, e.kind, e.created_at, 'application', NULL, e.who
    FROM engagement e, bounds b WHERE e.created_at >= b.lo AND e.created_at < b.hi
  UNION ALL
  SELECT o.project_id, pp.kind::text, o.created_at, 'offer', NULL, o.participant_id
    FROM scout_offer o
    JOIN scope s ON s.id = o.project_id
    JOIN participant_profile pp ON pp.user_id = o.participant_id, bounds b
   WHERE ($11::text IS NULL OR pp.kind::text = $11::text)
     AND o.created_at >= b.lo AND o.created_at < b.hi
  UNION ALL
  SELECT e.project_id, e.kind, m.at, 'match', extract(epoch FROM m.at - e.created_at) / 86400,
         e.who
    FROM engagement e
    JOIN (SELECT ev.engagement_id, min(ev.created_at) AS at FROM engagement_event ev
           WHERE ev.to_status = 'ACCEPTED' GROUP BY ev.engagement_id) m
      ON m.engagement_id = e.id, bounds b
   WHERE m.at >= b.lo AND m.at < b.hi
  UNION ALL
  SELECT e.project_id, e.kind, NULL, 'active', NULL, e.who
    FROM engagement e WHERE e.status = 'ACTIVE'
  UNION ALL
  SELECT e.project_id, e.kind, NULL, 'stale', NULL, e.who
    FROM engagement e
   WHERE e.status = 'ACTIVE' AND EXISTS (
     SELECT 1 FROM engagement_alert al
      WHERE al.engagement_id = e.id AND al.kind = 'STALE' AND NOT EXISTS (
        SELECT 1 FROM engagement_check_in c WHERE c.engagement_id = e.id AND c.created_at > al.since))
  UNION ALL
  SELECT e.project_id, e.kind, c.approved_at, 'hours', c.hours::float8, e.who
    FROM engagement e JOIN engagement_check_in c ON c.engagement_id = e.id, bounds b
   WHERE c.approved_at >= b.lo AND c.approved_at < b.hi
  UNION ALL
  SELECT e.project_id, e.kind, ev.created_at, 'ended',
         CASE WHEN ev.to_status = 'COMPLETED' THEN 1 ELSE 0 END, e.who
    FROM engagement e JOIN engagement_event ev ON ev.engagement_id = e.id, bounds b
   WHERE ev.from_status IN ('APPROVED', 'ACTIVE')
     AND ev.to_status IN ('COMPLETED', 'CANCELLED', 'WITHDRAWN')
     AND ev.created_at >= b.lo AND ev.created_at < b.hi
  UNION ALL
  SELECT e.project_id, e.kind, fu.due_at, 'follow_up_' || fu.due_months,
         CASE WHEN fu.recorded_at IS NOT NULL AND EXISTS (
           SELECT 1 FROM unnest(fu.outcomes) o WHERE o <> 'LOST_TOUCH') THEN 1 ELSE 0 END, e.who
    FROM engagement e JOIN follow_up fu ON fu.engagement_id = e.id, bounds b
   WHERE fu.due_at <= now() AND fu.due_at >= b.lo AND fu.due_at < b.hi
)
SELECT ${groupingSelect(groupings)},
       count(*) FILTER (WHERE f.metric = 'published')::int AS "projectsPublished",
       count(*) FILTER (WHERE f.metric = 'application')::int AS applications,
       count(*) FILTER (WHERE f.metric = 'offer')::int AS offers,
       count(*) FILTER (WHERE f.metric = 'match')::int AS matches,
       count(DISTINCT f.who) FILTER (WHERE f.metric = 'match')::int AS participants,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY f.value)
         FILTER (WHERE f.metric = 'match') AS "medianDaysToMatch",
       count(*) FILTER (WHERE f.metric = 'active')::int AS "activeEngagements",
       coalesce(sum(f.value) FILTER (WHERE f.metric = 'hours'), 0)::float8 AS "hoursContributed",
       count(*) FILTER (WHERE f.metric = 'ended' AND f.value = 1)::int AS "completedEngagements",
       avg(f.value) FILTER (WHERE f.metric = 'ended') AS "completionRate",
       avg(f.value) FILTER (WHERE f.metric = 'follow_up_3') AS continuation3,
       avg(f.value) FILTER (WHERE f.metric = 'follow_up_6') AS continuation6,
       avg(f.value) FILTER (WHERE f.metric = 'follow_up_12') AS continuation12,
       count(*) FILTER (WHERE f.metric = 'stale')::int AS "staleCount"
  FROM facts f
  JOIN scope s ON s.id = f.project_id
  LEFT JOIN program pr ON pr.id = s.program_id
  JOIN organization org ON org.id = s.region_organization_id
  JOIN theme th ON th.code = s.theme_code
${groupingClauses(groupings)}`;
