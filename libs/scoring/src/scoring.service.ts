import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, ScoringRequestService, ScoringSubjectKind } from '@tsunagu/core';
import { scorePair } from '@tsunagu/matching';
import { DataSource, EntityManager } from 'typeorm';
import { MatchingEngineCache } from './matching-engine.cache';
import { MatchingFactsLoader } from './matching-facts.loader';
import { RecommendationStore } from './recommendation-store';

// A job that keeps finding its subject changed again gives up and leaves it to the next job.
const MAX_PASSES = 5;

// Computes and stores recommendation lists: a participant's best projects and a project's best
// candidates, with the engine's explanations.
@Injectable()
export class ScoringService {
  private readonly logger = new Logger(ScoringService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly facts: MatchingFactsLoader,
    private readonly engines: MatchingEngineCache,
    private readonly store: RecommendationStore,
    private readonly requests: ScoringRequestService,
  ) {}

  // One participant (a debounced job): scores again while edits keep arriving during a pass, so
  // the stored list ends up reflecting the latest profile.
  async scoreParticipant(participantId: string): Promise<void> {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const revision = await this.scoreParticipants([participantId]);
      const now = await this.store.revisions(
        this.dataSource.manager,
        ScoringSubjectKind.PARTICIPANT,
        [participantId],
      );
      if (now.get(participantId) === revision.get(participantId)) return;
    }
    this.logger.warn(`participant ${participantId} kept changing; left to the next job`);
  }

  // Several participants in one transaction (a job, or a chunk of a full re-score). Returns the
  // revision each list was computed from.
  async scoreParticipants(
    participantIds: readonly string[],
    inTransaction?: (m: EntityManager) => Promise<void>,
  ): Promise<Map<string, string>> {
    // The revision is read before the facts, so the facts are at least that new.
    const revisions = await this.store.revisions(
      this.dataSource.manager,
      ScoringSubjectKind.PARTICIPANT,
      participantIds,
    );
    const [participants, engine] = await Promise.all([
      this.facts.participants(participantIds),
      this.engines.projectEngine(),
    ]);
    const found = new Set(participants.map((p) => p.id));
    const lists = [
      ...participants.map((p) => ({
        subjectId: p.id,
        revision: revisions.get(p.id)!,
        matches: engine.topProjects(p, this.config.RECOMMENDATIONS_TOP_K),
      })),
      // A profile that is gone keeps no recommendations.
      ...participantIds
        .filter((id) => !found.has(id))
        .map((id) => ({ subjectId: id, revision: revisions.get(id)!, matches: [] })),
    ];
    await this.dataSource.transaction(async (m) => {
      await this.store.replace(m, ScoringSubjectKind.PARTICIPANT, lists);
      await inTransaction?.(m);
    });
    return revisions;
  }

  // One project (a debounced job): its candidate list, and a re-score of every participant whose
  // own list it enters, leaves or changes in.
  async scoreProject(projectId: string): Promise<void> {
    const revisions = await this.store.revisions(
      this.dataSource.manager,
      ScoringSubjectKind.PROJECT,
      [projectId],
    );
    const [project] = await this.facts.publishedProjects([projectId]);
    const k = this.config.RECOMMENDATIONS_TOP_K;
    let candidates: ReturnType<typeof scorePair>[] = [];
    const affected = new Set<string>();
    if (project) {
      const [participants, weights] = await Promise.all([
        this.engines.participantEngine(),
        this.engines.weightsFor(project),
      ]);
      candidates = participants.topCandidates(project, weights, k);
      // Who would now have this project in their top-k: everyone it passes for whose list is
      // not full or ends at or below its score.
      const scores = new Map<string, number>();
      for (const participant of participants.participants) {
        const match = scorePair(participant, project, weights);
        if (match) scores.set(participant.id, match.score);
      }
      for (const id of await this.entering(scores, k)) affected.add(id);
    }
    // Lists it is in now may change or lose it.
    const holders = await this.dataSource.query<Array<{ participant_id: string }>>(
      'SELECT participant_id FROM participant_recommendation WHERE project_id = $1',
      [projectId],
    );
    for (const h of holders) affected.add(h.participant_id);

    await this.dataSource.transaction(async (m) => {
      const written = await this.store.replace(m, ScoringSubjectKind.PROJECT, [
        {
          subjectId: projectId,
          revision: revisions.get(projectId)!,
          matches: candidates.filter((c) => c !== null),
        },
      ]);
      if (written.length === 0) return;
      for (const participantId of [...affected].sort()) {
        await this.requests.participantChanged(m, participantId);
      }
    });
  }

  // Of the participants a project passes for (id → score), those whose stored list it enters.
  private async entering(scores: Map<string, number>, k: number): Promise<string[]> {
    if (scores.size === 0) return [];
    const ids = [...scores.keys()];
    const tails = await this.dataSource.query<
      Array<{ participant_id: string; n: number; lowest: number }>
    >(
      `SELECT participant_id, count(*)::int AS n, min(score) AS lowest
       FROM participant_recommendation WHERE participant_id = ANY($1) GROUP BY participant_id`,
      [ids],
    );
    const tailOf = new Map(tails.map((t) => [t.participant_id, t]));
    return ids.filter((id) => {
      const tail = tailOf.get(id);
      return !tail || tail.n < k || scores.get(id)! >= tail.lowest;
    });
  }
}
