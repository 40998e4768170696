import { Injectable } from '@nestjs/common';
import { ScoringSubjectKind } from './scoring-subject.entity';
import type { Match } from '@tsunagu/matching';
import { EntityManager } from 'typeorm';
import { ParticipantRecommendation } from './participant-recommendation.entity';
import { ProjectCandidate } from './project-candidate.entity';
import { packFactors } from './stored-factors';

// What a list was computed from: the subject's revision and the moment its facts were read
// (both taken before reading them, so the facts are at least this new).
export interface Reading {
  revision: string;
  // A database timestamp, kept as text so no precision is lost on the way back.
  readAt: string;
}

export interface ScoredList extends Reading {
  subjectId: string;
  matches: Match[];
}

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters.
const INSERT_BATCH = 2000;

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
    const entity =
      kind === ScoringSubjectKind.PARTICIPANT ? ParticipantRecommendation : ProjectCandidate;
    const key = kind === ScoringSubjectKind.PARTICIPANT ? 'participant_id' : 'project_id';
    await m.query(
      `DELETE FROM ${m.getRepository(entity).metadata.tableName} WHERE ${key} = ANY($1)`,
      [writtenIds],
    );
    const computedAt = new Date();
    const rows = written.flatMap((l) =>
      l.matches.map((match, i) => ({
        participantId: match.participantId,
        projectId: match.projectId,
        rank: i + 1,
        score: match.score,
        weightsVersion: match.weightsVersion,
        factors: packFactors(match.factors),
        computedAt,
      })),
    );
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await m.insert(entity, rows.slice(i, i + INSERT_BATCH));
    }
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
