import { Injectable } from '@nestjs/common';
import { ScoringSubjectKind } from './scoring-subject.entity';
import type { Match } from '@tsunagu/matching';
import { EntityManager } from 'typeorm';

// What a list was computed from: the subject's revision and the moment its facts were read
// (both taken before reading them, so the facts are at least this new).
export interface Reading {
  revision: string;
  // A database timestamp, kept as text so no precision is lost on the way back.
  readAt: string;
}

// What a list keeps of a match: numbers only (explanations are worked out on read).
export type RankedEntry = Pick<Match, 'participantId' | 'projectId' | 'score' | 'weightsVersion'>;

export interface ScoredList extends Reading {
  subjectId: string;
  // Best first.
  matches: readonly RankedEntry[];
}

// The stored side of each kind: one row per subject, its ranked ids and scores in arrays.
export const LIST_TABLES = {
  [ScoringSubjectKind.PARTICIPANT]: {
    table: 'participant_recommendation_list',
    owner: 'participant_id',
    items: 'project_ids',
  },
  [ScoringSubjectKind.PROJECT]: {
    table: 'project_candidate_list',
    owner: 'project_id',
    items: 'participant_ids',
  },
} as const;

// The lists on one side that hold `$1` (a subject of the other kind), with its score there.
// Written as `@>` so the GIN index on the ids serves it (`$1 = ANY(ids)` cannot use it).
export function holdersQuery(side: (typeof LIST_TABLES)[ScoringSubjectKind]): string {
  const { table, owner, items } = side;
  return `SELECT ${owner} AS other, scores[array_position(${items}, $1::uuid)] AS score
          FROM ${table} WHERE ${items} @> ARRAY[$1::uuid]`;
}

// Writes recommendation lists, never over a list computed from newer data: each subject's
// freshness row is locked and compared in the writing transaction. A newer revision always wins;
// at the same revision (facts unchanged, but the other side may have changed) the later reading
// wins, so a slow job cannot put back what a quicker, later one replaced.
@Injectable()
export class RecommendationStore {
  // Each subject's revision now (0 for one never changed through the app), and the time.
  async readings(
    m: EntityManager,
    kind: ScoringSubjectKind,
    ids: readonly string[],
  ): Promise<Map<string, Reading>> {
    const rows = await m.query<
      Array<{ subject_id: string | null; revision: string; read_at: string }>
    >(
      `SELECT s.subject_id, s.revision, clock_timestamp()::text AS read_at
       FROM (SELECT 1) AS one
       LEFT JOIN scoring_subject s ON s.kind = $1 AND s.subject_id = ANY($2)`,
      [kind, ids],
    );
    const readAt = rows[0].read_at;
    const found = new Map(rows.flatMap((r) => (r.subject_id ? [[r.subject_id, r.revision]] : [])));
    return new Map(ids.map((id) => [id, { revision: found.get(id) ?? '0', readAt }]));
  }

  // Replaces the lists whose stored reading is not newer; returns the subjects written.
  async replace(
    m: EntityManager,
    kind: ScoringSubjectKind,
    lists: readonly ScoredList[],
  ): Promise<string[]> {
    if (lists.length === 0) return [];
    const ids = lists.map((l) => l.subjectId);
    await m.query(
      `INSERT INTO scoring_subject (kind, subject_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [kind, ids],
    );
    // Sorted locking: two writers over overlapping subjects cannot deadlock.
    const fresh = new Set(
      (
        await m.query<Array<{ subject_id: string }>>(
          `SELECT s.subject_id FROM scoring_subject s
           JOIN unnest($2::uuid[], $3::bigint[], $4::timestamptz[]) AS v(id, revision, read_at)
             ON s.subject_id = v.id
           WHERE s.kind = $1
             AND (v.revision > s.scored_revision
               OR (v.revision = s.scored_revision
                 AND (s.scored_read_at IS NULL OR v.read_at >= s.scored_read_at)))
           ORDER BY s.subject_id FOR UPDATE OF s`,
          [kind, ids, lists.map((l) => l.revision), lists.map((l) => l.readAt)],
        )
      ).map((r) => r.subject_id),
    );
    const written = lists.filter((l) => fresh.has(l.subjectId));
    if (written.length === 0) return [];
    const writtenIds = written.map((l) => l.subjectId);
    await writeLists(m, kind, written);
    await m.query(
      `UPDATE scoring_subject AS s
       SET scored_revision = v.revision, scored_read_at = v.read_at, scored_at = now()
       FROM unnest($2::uuid[], $3::bigint[], $4::timestamptz[]) AS v(id, revision, read_at)
       WHERE s.kind = $1 AND s.subject_id = v.id`,
      [kind, writtenIds, written.map((l) => l.revision), written.map((l) => l.readAt)],
    );
    return writtenIds;
  }
}

// One statement for the whole batch: each list goes as array literals in text, parsed by
// PostgreSQL (a number's shortest round-trip form reads back as the same double). An empty list
// keeps no row.
async function writeLists(
  m: EntityManager,
  kind: ScoringSubjectKind,
  lists: readonly ScoredList[],
): Promise<void> {
  const { table, owner, items } = LIST_TABLES[kind];
  const empty = lists.filter((l) => l.matches.length === 0).map((l) => l.subjectId);
  if (empty.length) await m.query(`DELETE FROM ${table} WHERE ${owner} = ANY($1)`, [empty]);
  const full = lists.filter((l) => l.matches.length > 0);
  if (full.length === 0) return;
  const participantSide = kind === ScoringSubjectKind.PARTICIPANT;
  const ids = full.map((l) => l.subjectId);
  const itemLists = full.map((l) =>
    arrayLiteral(l.matches.map((e) => (participantSide ? e.projectId : e.participantId))),
  );
  const scoreLists = full.map((l) => arrayLiteral(l.matches.map((e) => String(e.score))));
  if (participantSide) {
    await m.query(
      `INSERT INTO ${table} (${owner}, ${items}, scores, weights_versions, computed_at)
       SELECT v.id, v.items::uuid[], v.scores::float8[], v.versions::text[], now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, items, scores, versions)
       ON CONFLICT (${owner}) DO UPDATE SET ${items} = excluded.${items},
         scores = excluded.scores, weights_versions = excluded.weights_versions,
         computed_at = excluded.computed_at`,
      [
        ids,
        itemLists,
        scoreLists,
        full.map((l) => arrayLiteral(l.matches.map((e) => quoted(e.weightsVersion)))),
      ],
    );
    return;
  }
  await m.query(
    `INSERT INTO ${table} (${owner}, ${items}, scores, weights_version, computed_at)
     SELECT v.id, v.items::uuid[], v.scores::float8[], v.version, now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, items, scores, version)
     ON CONFLICT (${owner}) DO UPDATE SET ${items} = excluded.${items},
       scores = excluded.scores, weights_version = excluded.weights_version,
       computed_at = excluded.computed_at`,
    [ids, itemLists, scoreLists, full.map((l) => l.matches[0].weightsVersion)],
  );
}

function arrayLiteral(elements: readonly string[]): string {
  return `{${elements.join(',')}}`;
}

// An array element in double quotes, so any text (commas, braces, spaces) reads back as written.
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
