import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tsunagu/core';
import { ScoringRequestService } from './scoring-request.service';
import { ScoringSubjectKind } from './scoring-subject.entity';
import { DataSource, EntityManager } from 'typeorm';
import { affectedLists, ListTail } from './affected-lists';
import { MatchingEngineCache } from './matching-engine.cache';
import { MatchingFactsLoader } from './matching-facts.loader';
import {
  holdersQuery,
  LIST_TABLES,
  RankedEntry,
  Reading,
  RecommendationStore,
} from './recommendation-store';

// A job that keeps finding its subject changed again gives up and leaves it to the next job.
const MAX_PASSES = 5;

// The lists on the other side that a subject of each kind can enter or leave.
const OTHER_SIDE = {
  [ScoringSubjectKind.PARTICIPANT]: LIST_TABLES[ScoringSubjectKind.PROJECT],
  [ScoringSubjectKind.PROJECT]: LIST_TABLES[ScoringSubjectKind.PARTICIPANT],
};
type Side = (typeof LIST_TABLES)[ScoringSubjectKind];

// Computes and stores recommendation lists: a participant's best projects and a project's best
// candidates, ranked on numbers (explanations are worked out on read). A single subject's job also re-queues the lists on
// the other side that its new scores change, so both sides stay exact.
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
    await this.untilCurrent(ScoringSubjectKind.PARTICIPANT, participantId, async (reading) => {
      const k = this.config.RECOMMENDATIONS_TOP_K;
      const [[participant], engine] = await Promise.all([
        this.facts.participants([participantId]),
        this.engines.projectEngine(),
      ]);
      const matches = participant ? engine.rankProjects(participant, k) : [];
      const scores = participant ? engine.scores(participant) : new Map<string, number>();
      const affected = await this.affected(
        OTHER_SIDE[ScoringSubjectKind.PARTICIPANT],
        participantId,
        scores,
      );
      await this.dataSource.transaction(async (m) => {
        const written = await this.store.replace(m, ScoringSubjectKind.PARTICIPANT, [
          { subjectId: participantId, ...reading, matches },
        ]);
        if (written.length) await this.requests.refresh(m, ScoringSubjectKind.PROJECT, affected);
      });
    });
  }

  // One project (a debounced job): its candidate list, and the participants' lists it enters,
  // leaves or moves in. An unpublished project keeps no candidates and leaves every list.
  async scoreProject(projectId: string): Promise<void> {
    await this.untilCurrent(ScoringSubjectKind.PROJECT, projectId, async (reading) => {
      const k = this.config.RECOMMENDATIONS_TOP_K;
      const [project] = await this.facts.publishedProjects([projectId]);
      let matches: RankedEntry[] = [];
      let scores = new Map<string, number>();
      if (project) {
        const [engine, weights] = await Promise.all([
          this.engines.participantEngine(),
          this.engines.weightsFor([project]).then((weightsOf) => weightsOf(project)),
        ]);
        scores = engine.scores(project, weights);
        matches = engine.rankOfScores(project, weights, scores, k);
      }
      const affected = await this.affected(
        OTHER_SIDE[ScoringSubjectKind.PROJECT],
        projectId,
        scores,
      );
      await this.dataSource.transaction(async (m) => {
        const written = await this.store.replace(m, ScoringSubjectKind.PROJECT, [
          { subjectId: projectId, ...reading, matches },
        ]);
        if (written.length) {
          await this.requests.refresh(m, ScoringSubjectKind.PARTICIPANT, affected);
        }
      });
    });
  }

  // A chunk of a full re-score: every list is re-scored by the run anyway, so nothing is
  // propagated. Subjects that are gone keep no list. The lists are written only if `chunk.claim`
  // (first in the writing transaction) says this pass owns the chunk, then `chunk.finish` runs
  // (last, so a lock it takes is held briefly); returns whether this pass wrote the chunk.
  async scoreChunk(
    kind: ScoringSubjectKind,
    ids: readonly string[],
    chunk: {
      claim: (m: EntityManager) => Promise<boolean>;
      finish: (m: EntityManager) => Promise<void>;
    },
  ): Promise<boolean> {
    const readings = await this.store.readings(this.dataSource.manager, kind, ids);
    const matches =
      kind === ScoringSubjectKind.PARTICIPANT
        ? await this.projectsFor(ids)
        : await this.candidatesFor(ids);
    const lists = ids.map((id) => ({
      subjectId: id,
      ...readings.get(id)!,
      matches: matches.get(id)!,
    }));
    return this.dataSource.transaction(async (m) => {
      // A chunk writes up to SCORING_CHUNK_SIZE lists in one statement: longer than the
      // pool-wide bound that suits API requests allows, so raised for it alone.
      await m.query(`SELECT set_config('statement_timeout', $1, true)`, [
        `${this.config.SCORING_STATEMENT_TIMEOUT_MS}ms`,
      ]);
      if (!(await chunk.claim(m))) return false;
      await this.store.replace(m, kind, lists);
      await chunk.finish(m);
      return true;
    });
  }

  // Participants' recommended projects, through the project index.
  private async projectsFor(
    participantIds: readonly string[],
  ): Promise<Map<string, RankedEntry[]>> {
    const [participants, engine] = await Promise.all([
      this.facts.participants(participantIds),
      this.engines.projectEngine(),
    ]);
    const lists = new Map<string, RankedEntry[]>(participantIds.map((id) => [id, []]));
    const pause = pauser();
    for (const participant of participants) {
      await pause();
      lists.set(
        participant.id,
        engine.rankProjects(participant, this.config.RECOMMENDATIONS_TOP_K),
      );
    }
    return lists;
  }

  // Projects' candidate lists (none for one not published), through the participant index.
  private async candidatesFor(projectIds: readonly string[]): Promise<Map<string, RankedEntry[]>> {
    const [projects, engine] = await Promise.all([
      this.facts.publishedProjects(projectIds),
      this.engines.participantEngine(),
    ]);
    const weightsOf = await this.engines.weightsFor(projects);
    const lists = new Map<string, RankedEntry[]>(projectIds.map((id) => [id, []]));
    const pause = pauser();
    for (const project of projects) {
      await pause();
      lists.set(
        project.id,
        engine.rankCandidates(project, weightsOf(project), this.config.RECOMMENDATIONS_TOP_K),
      );
    }
    return lists;
  }

  // Runs `pass` with the subject's current reading until no newer revision arrived meanwhile.
  private async untilCurrent(
    kind: ScoringSubjectKind,
    id: string,
    pass: (reading: Reading) => Promise<void>,
  ): Promise<void> {
    const read = async () =>
      (await this.store.readings(this.dataSource.manager, kind, [id])).get(id)!;
    for (let i = 0; i < MAX_PASSES; i++) {
      // Read before the facts, so the facts are at least this new.
      const before = await read();
      await pass(before);
      if ((await read()).revision === before.revision) return;
    }
    this.logger.warn(`${kind} ${id} kept changing; left to the next job`);
  }

  // The lists on `side` whose content changes now that `subjectId` scores `scores` with them.
  private async affected(
    side: Side,
    subjectId: string,
    scores: ReadonlyMap<string, number>,
  ): Promise<string[]> {
    const { table, owner, items } = side;
    const held = await this.dataSource.query<Array<{ other: string; score: number }>>(
      holdersQuery(side),
      [subjectId],
    );
    const others = [...scores.keys()];
    const tails = others.length
      ? await this.dataSource.query<
          Array<{ other: string; size: number; score: number; last: string }>
        >(
          `SELECT ${owner} AS other, cardinality(${items}) AS size,
                  scores[cardinality(${items})] AS score, ${items}[cardinality(${items})] AS last
           FROM ${table} WHERE ${owner} = ANY($1)`,
          [others],
        )
      : [];
    return affectedLists(
      subjectId,
      scores,
      new Map(held.map((h) => [h.other, h.score])),
      new Map<string, ListTail>(
        tails.map((t) => [t.other, { size: t.size, lastScore: t.score, lastId: t.last }]),
      ),
      this.config.RECOMMENDATIONS_TOP_K,
    );
  }
}

// A chunk computes for seconds to minutes: letting the event loop run now and then keeps BullMQ
// renewing the job's lock (else the job counts as stalled and is handed out again) and the
// process answering.
function pauser(everyMs = 100): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
