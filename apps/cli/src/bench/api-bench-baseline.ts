import { containsPattern, encodeCursor } from '@tsunagu/core';
import {
  ACTOR_MEMBERSHIPS_SQL,
  ACTOR_REMITS_SQL,
  ACTOR_USER_SQL,
  type Actor,
  ME_MEMBERSHIPS_SQL,
  ME_USER_SQL,
  PolicyService,
} from '@tsunagu/identity';
import { DEFAULT_WEIGHTS, explainMatch, type MatchingWeights } from '@tsunagu/matching';
import { searchTerms, widthVariants } from '@tsunagu/projects';
import { MatchingFactsLoader, PARTICIPANT_LIST_SQL, PROJECT_LIST_SQL } from '@tsunagu/scoring';
import { verify } from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, types } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { GraphqlRequest } from './api-bench-operations';

// The API benchmark's baseline: a bare node:http server answering the benchmark's four GraphQL
// requests (by operation name) with the SQL the API sends for them (taken from PostgreSQL's
// statement log of the API, BENCH_API_SQL_LOG) through pg, and the same JSON. It verifies the
// same token, loads the same actor, makes the same checks and explains the same entries (the same
// pure functions and facts queries); what it leaves out is the framework: Express, Nest's guards,
// pipes and interceptors, Apollo's parsing, validation and execution, and TypeORM's entities.

// Dates as TypeORM reads them (text), not JS Dates at local midnight.
types.setTypeParser(1082, (value) => value);

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
type Row = Record<string, unknown>;
const query = async <T = Row>(sql: string, params: unknown[] = []): Promise<T[]> =>
  (await pool.query(sql, params)).rows as T[];
// The facts loader runs its own SQL through whatever has `query(sql, params)`: here, pg.
const facts = new MatchingFactsLoader(undefined as unknown as DataSource);
const manager = { query } as unknown as EntityManager;
const policy = new PolicyService();
// The secret as a key made once, as the API's TokenService holds it.
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET!, 'utf8'));

class RequestError extends Error {}

const PROJECT_COLUMNS = (a: string) =>
  [
    'id',
    'region_organization_id',
    'program_id',
    'title',
    'description',
    'theme_code',
    'municipality_code',
    'prefecture_code',
    'mode',
    'start_date',
    'end_date',
    'season_months',
    'hours_per_week',
    'team_size',
    'capacity',
    'eligible_kinds',
    'languages',
    'attachments',
    'status',
    'review_comment',
    'published_at',
    'published_by_id',
    'closed_at',
    'paused_at',
    'pause_reason',
    'created_by_id',
    'created_at',
    'updated_at',
  ]
    .map((c) => `"${a}"."${c}" AS "${a}_${c}"`)
    .join(', ');
const PROFILE_COLUMNS = [
  'user_id',
  'kind',
  'company_organization_id',
  'guardian_name',
  'guardian_consent_at',
  'theme_codes',
  'goals',
  'weekly_hours',
  'available_periods',
  'available_days',
  'home_municipality_code',
  'travel_range_km',
  'remote_only',
  'languages',
  'bio',
  'phone',
  'visibility',
  'created_at',
  'updated_at',
]
  .map((c) => `"pp"."${c}" AS "pp_${c}"`)
  .join(', ');
const PROJECT_SQL = `SELECT ${PROJECT_COLUMNS('Project')} FROM "project" "Project" WHERE (("Project"."id" = $1)) LIMIT 1`;

function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

async function loadActor(authorization: string | undefined): Promise<Actor> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new RequestError('no token');
  const claims = verify(token, secret, { algorithms: ['HS256'] }) as { sub: string; typ: string };
  if (claims.typ !== 'access') throw new RequestError('Invalid access token');
  // The actor's own statements, the API's ActorService sends them.
  const [user] = await query(ACTOR_USER_SQL, [claims.sub]);
  if (!user || user.deleted_at) throw new RequestError('no such account');
  const memberships = await query(ACTOR_MEMBERSHIPS_SQL, [claims.sub]);
  const orgIds = memberships.map((m) => m.organization_id);
  const areas = orgIds.length ? await query(ACTOR_REMITS_SQL, [orgIds]) : [];
  return {
    userId: claims.sub,
    locale: user.locale as string,
    memberships: memberships.map((m) => {
      const own = areas.filter((a) => a.organization_id === m.organization_id);
      return {
        organizationId: m.organization_id as string,
        organizationKind: m.kind,
        role: m.role,
        municipalityCode: m.municipality_code as string | null,
        remitPrefectureCodes: own.flatMap((a) => (a.municipality_code ? [] : [a.prefecture_code])),
        remitMunicipalityCodes: own.flatMap((a) =>
          a.municipality_code ? [a.municipality_code] : [],
        ),
      };
    }),
  } as Actor;
}

function weightsOf(labels: readonly string[]): Map<string, MatchingWeights> {
  // The synthetic data set is scored with the default weights only.
  for (const label of labels) {
    if (label !== DEFAULT_WEIGHTS.version) throw new RequestError(`weights ${label} not supported`);
  }
  return new Map([[DEFAULT_WEIGHTS.version, DEFAULT_WEIGHTS]]);
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

function projectNode(row: Row, a: string) {
  return {
    id: row[`${a}_id`],
    title: row[`${a}_title`],
    mode: row[`${a}_mode`],
    startDate: row[`${a}_start_date`],
    endDate: row[`${a}_end_date`],
    hoursPerWeek: row[`${a}_hours_per_week`],
    publishedAt: iso(row[`${a}_published_at`]),
  };
}

function factorsOf(
  participant: Parameters<typeof explainMatch>[0] | undefined,
  project: Parameters<typeof explainMatch>[1] | undefined,
  weights: MatchingWeights | undefined,
  score: number,
) {
  if (!participant || !project || !weights) return undefined;
  try {
    return explainMatch(participant, project, weights, score).factors.map((f) => ({
      factor: f.factor,
      weight: f.weight,
      value: f.value,
    }));
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function connection<T>(rows: Row[], first: number, node: (row: Row) => T | undefined) {
  const edges = rows.slice(0, first).map((row) => ({
    cursor: encodeCursor([row.keyset_0 as string | number | Date, row.keyset_1 as string]),
    node: node(row),
  }));
  return {
    edges: edges.filter((e) => e.node !== undefined),
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
  };
}

async function recommendedProjects(actor: Actor, first: number) {
  const [list] = await query(PARTICIPANT_LIST_SQL, [actor.userId]);
  const ids = (list?.projectIds as string[] | undefined) ?? [];
  const rows = await query(
    `SELECT ${PROJECT_COLUMNS('p')}, (0 - array_position(CAST($1 AS uuid[]), "p"."id")) AS "keyset_0", ("p"."id") AS "keyset_1" FROM "project" "p" WHERE "p"."id" = ANY($1) AND "p"."status" = $2 AND "p"."paused_at" IS NULL ORDER BY 0 - array_position(CAST($1 AS uuid[]), "p"."id") DESC, "p"."id" DESC LIMIT ${first + 1}`,
    [ids, 'PUBLISHED'],
  );
  const page = rows.slice(0, first).map((r) => r.p_id as string);
  if (!list || page.length === 0) return { ...connection(rows, first, () => undefined), edges: [] };
  const scores = list.scores as number[];
  const versions = list.weightsVersions as string[];
  const [[participant], projectFacts] = await Promise.all([
    facts.participants([actor.userId], manager),
    facts.projects(page, manager),
  ]);
  const weights = weightsOf(versions);
  const factsOf = new Map(projectFacts.map((p) => [p.id, p]));
  const computedAt = iso(list.computedAt);
  return connection(rows, first, (row) => {
    const i = ids.indexOf(row.p_id as string);
    const factors = factorsOf(
      participant,
      factsOf.get(row.p_id as string),
      weights.get(versions[i]),
      scores[i],
    );
    if (!factors) return undefined;
    return {
      rank: i + 1,
      score: scores[i],
      weightsVersion: versions[i],
      computedAt,
      factors,
      project: projectNode(row, 'p'),
    };
  });
}

async function recommendedCandidates(actor: Actor, projectId: string, first: number) {
  const [project] = await query(PROJECT_SQL, [projectId]);
  if (!project) throw new RequestError('no such project');
  const scope = {
    regionOrganizationId: project.Project_region_organization_id as string,
    municipalityCode: project.Project_municipality_code as string,
  };
  if (!policy.canSupervise(actor, scope)) throw new RequestError('forbidden');
  const visibilities = policy.viewableProfileVisibilities(actor);
  if (visibilities.length === 0) throw new RequestError('forbidden');
  const [list] = await query(PROJECT_LIST_SQL, [projectId]);
  const ids = (list?.participantIds as string[] | undefined) ?? [];
  const rows = await query(
    `SELECT ${PROFILE_COLUMNS}, (0 - array_position(CAST($1 AS uuid[]), "pp"."user_id")) AS "keyset_0", ("pp"."user_id") AS "keyset_1" FROM "participant_profile" "pp" WHERE "pp"."user_id" = ANY($1) AND "pp"."visibility" IN (${placeholders(2, visibilities.length)}) ORDER BY 0 - array_position(CAST($1 AS uuid[]), "pp"."user_id") DESC, "pp"."user_id" DESC LIMIT ${first + 1}`,
    [ids, ...visibilities],
  );
  const page = rows.slice(0, first).map((r) => r.pp_user_id as string);
  if (!list || page.length === 0) return { ...connection(rows, first, () => undefined), edges: [] };
  const scores = list.scores as number[];
  const version = list.weightsVersion as string;
  const [views, participantFacts, [projectFacts]] = await Promise.all([
    visibleViews(page, visibilities),
    facts.participants(page, manager),
    facts.projects([projectId], manager),
  ]);
  const weights = weightsOf([version]);
  const viewOf = new Map(views.map((v) => [v.pp_user_id as string, v]));
  const factsOf = new Map(participantFacts.map((p) => [p.id, p]));
  const computedAt = iso(list.computedAt);
  return connection(rows, first, (row) => {
    const id = row.pp_user_id as string;
    const i = ids.indexOf(id);
    const factors = factorsOf(factsOf.get(id), projectFacts, weights.get(version), scores[i]);
    const view = viewOf.get(id);
    if (!factors || !view) return undefined;
    return {
      rank: i + 1,
      score: scores[i],
      weightsVersion: version,
      computedAt,
      factors,
      participant: {
        userId: id,
        displayName: view.u_display_name,
        kind: view.pp_kind,
        travelRangeKm: view.pp_travel_range_km,
        remoteOnly: view.pp_remote_only,
      },
    };
  });
}

// The profiles with their user, company, skills and themes, as the API's profile views load them.
async function visibleViews(userIds: string[], visibilities: string[]): Promise<Row[]> {
  const n = userIds.length;
  const profiles = await query(
    `SELECT ${PROFILE_COLUMNS}, "u"."id" AS "u_id", "u"."display_name" AS "u_display_name", "company"."id" AS "company_id", "company"."kind" AS "company_kind", "company"."name" AS "company_name", "company"."municipality_code" AS "company_municipality_code", "company"."prefecture_code" AS "company_prefecture_code", "company"."created_at" AS "company_created_at" FROM "participant_profile" "pp" INNER JOIN "user" "u" ON "u"."id"="pp"."user_id"  LEFT JOIN "organization" "company" ON "company"."id"="pp"."company_organization_id" WHERE "pp"."user_id" IN (${placeholders(1, n)}) AND "pp"."visibility" IN (${placeholders(n + 1, visibilities.length)})`,
    [...userIds, ...visibilities],
  );
  if (profiles.length === 0) return [];
  await query(
    `SELECT "ps"."user_id" AS "ps_user_id", "ps"."skill_id" AS "ps_skill_id", "ps"."level" AS "ps_level", "s"."id" AS "s_id", "s"."code" AS "s_code", "s"."category_code" AS "s_category_code", "s"."name_ja" AS "s_name_ja", "s"."name_en" AS "s_name_en", "s"."created_at" AS "s_created_at" FROM "participant_skill" "ps" INNER JOIN "skill" "s" ON "s"."id"="ps"."skill_id" WHERE "ps"."user_id" IN (${placeholders(1, profiles.length)}) ORDER BY "ps"."level" DESC, "s"."code" ASC`,
    profiles.map((p) => p.pp_user_id),
  );
  const codes = [...new Set(profiles.flatMap((p) => p.pp_theme_codes as string[]))];
  if (codes.length) {
    await query(
      `SELECT "Theme"."code" AS "Theme_code", "Theme"."name_ja" AS "Theme_name_ja", "Theme"."name_en" AS "Theme_name_en", "Theme"."sort_order" AS "Theme_sort_order" FROM "theme" "Theme" WHERE (("Theme"."code" IN (${placeholders(1, codes.length)})))`,
      codes,
    );
  }
  return profiles;
}

async function projects(text: string, first: number) {
  const terms = searchTerms(text);
  if (terms.length === 0) throw new RequestError('must contain a word to search for');
  const params: unknown[] = ['PUBLISHED'];
  const conditions = terms.map((term) => {
    const forms = widthVariants(term).map((form) => {
      params.push(containsPattern(form));
      return `("p"."title" || ' ' || "p"."description") ILIKE $${params.length}`;
    });
    return `(${forms.join(' OR ')})`;
  });
  const rows = await query(
    `SELECT ${PROJECT_COLUMNS('p')}, ("p"."published_at") AS "keyset_0", ("p"."id") AS "keyset_1" FROM "project" "p" WHERE "p"."status" = $1 AND "p"."paused_at" IS NULL AND ${conditions.join(' AND ')} ORDER BY "p"."published_at" DESC, "p"."id" DESC LIMIT ${first + 1}`,
    params,
  );
  return connection(rows, first, (row) => projectNode(row, 'p'));
}

async function me(actor: Actor) {
  const [[user], memberships] = await Promise.all([
    query(ME_USER_SQL, [actor.userId]),
    query(ME_MEMBERSHIPS_SQL, [actor.userId]),
  ]);
  if (!user) throw new RequestError('no such user');
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    timeZone: user.time_zone,
    emailVerified: user.email_verified_at !== null,
    memberships: memberships.map((m) => ({
      role: m.role,
      organization: { id: m.id, name: m.name, kind: m.kind },
    })),
  };
}

async function answer(request: GraphqlRequest, authorization: string | undefined) {
  const actor = await loadActor(authorization);
  const v = request.variables;
  switch (request.operationName) {
    case 'BenchRecommend':
      return { recommendedProjects: await recommendedProjects(actor, v.first as number) };
    case 'BenchCandidates':
      return {
        recommendedCandidates: await recommendedCandidates(
          actor,
          v.projectId as string,
          v.first as number,
        ),
      };
    case 'BenchSearch':
      return { projects: await projects(v.text as string, v.first as number) };
    case 'BenchMe':
      return { me: await me(actor) };
    default:
      throw new RequestError(`unknown operation ${request.operationName}`);
  }
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/graphql') return send(200, { status: 'ok' });
    answer(
      JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphqlRequest,
      req.headers.authorization,
    )
      .then((data) => send(200, { data }))
      .catch((error: Error) => send(200, { errors: [{ message: error.message }] }));
  });
}

createServer(handle).listen(Number(process.env.PORT), '127.0.0.1');
