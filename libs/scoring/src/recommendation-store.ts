import { Injectable } from '@nestjs/common';
import { ScoringSubjectKind } from '@tsunagu/core';
import type { Match } from '@tsunagu/matching';
import { EntityManager } from 'typeorm';
import { ParticipantRecommendation } from './participant-recommendation.entity';
import { ProjectCandidate } from './project-candidate.entity';
import { packFactors } from './stored-factors';

export interface ScoredList {
  subjectId: string;
  // The subject's revision read before its facts: the list reflects at least this revision.
  revision: string;
  matches: Match[];
}

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters.
const INSERT_BATCH = 2000;

// Writes recommendation lists, never over a list computed from a newer revision: each subject's
// freshness row is locked and compared in the writing transaction.
@Injectable()
export class RecommendationStore {
  // The revision each subject is at now (0 for one never changed through the app).
  async revisions(
    m: EntityManager,
    kind: ScoringSubjectKind,
    ids: readonly string[],
  ): Promise<Map<string, string>> {
    const rows = await m.query<Array<{ subject_id: string; revision: string }>>(
      `SELECT subject_id, revision FROM scoring_subject WHERE kind = $1 AND subject_id = ANY($2)`,
      [kind, ids],
    );
    const found = new Map(rows.map((r) => [r.subject_id, r.revision]));
    return new Map(ids.map((id) => [id, found.get(id) ?? '0']));
  }

  // Replaces the lists whose stored revision is not newer; returns the subjects written.
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
    const stored = await m.query<Array<{ subject_id: string; scored_revision: string }>>(
      `SELECT subject_id, scored_revision FROM scoring_subject
       WHERE kind = $1 AND subject_id = ANY($2) ORDER BY subject_id FOR UPDATE`,
      [kind, ids],
    );
    const storedRevision = new Map(stored.map((s) => [s.subject_id, BigInt(s.scored_revision)]));
    const fresh = lists.filter((l) => BigInt(l.revision) >= storedRevision.get(l.subjectId)!);
    if (fresh.length === 0) return [];
    const freshIds = fresh.map((l) => l.subjectId);
    const entity =
      kind === ScoringSubjectKind.PARTICIPANT ? ParticipantRecommendation : ProjectCandidate;
    const key = kind === ScoringSubjectKind.PARTICIPANT ? 'participant_id' : 'project_id';
    await m.query(
      `DELETE FROM ${m.getRepository(entity).metadata.tableName} WHERE ${key} = ANY($1)`,
      [freshIds],
    );
    const computedAt = new Date();
    const rows = fresh.flatMap((l) =>
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
      `UPDATE scoring_subject AS s SET scored_revision = v.revision, scored_at = now()
       FROM unnest($2::uuid[], $3::bigint[]) AS v(id, revision)
       WHERE s.kind = $1 AND s.subject_id = v.id`,
      [kind, freshIds, fresh.map((l) => l.revision)],
    );
    return freshIds;
  }
}
