import { Injectable } from '@nestjs/common';
import {
  compareMatches,
  explainMatch,
  Match,
  MatchingWeights,
  ParticipantFacts,
  ParticipantIndex,
  ProjectIndex,
  pairScore,
  TopK,
} from '@tsunagu/matching';
import { DataSource } from 'typeorm';
import { MatchingFactsLoader, ScoredProjectFacts } from './matching-facts.loader';
import { weightsResolver } from './program-weights.queries';
import type { RankedEntry } from './recommendation-store';

// Every published project, indexed once per set of weights in use (projects of a program with
// its own weights are scored with those).
export class ProjectEngine {
  private readonly groups: Array<{ weights: MatchingWeights; index: ProjectIndex }>;

  constructor(
    readonly projects: ReadonlyMap<string, ScoredProjectFacts>,
    readonly weightsOf: (project: ScoredProjectFacts) => MatchingWeights,
  ) {
    const byVersion = new Map<string, { weights: MatchingWeights; list: ScoredProjectFacts[] }>();
    for (const project of projects.values()) {
      const weights = weightsOf(project);
      const group = byVersion.get(weights.version) ?? { weights, list: [] };
      group.list.push(project);
      byVersion.set(weights.version, group);
    }
    this.groups = [...byVersion.values()].map((g) => ({
      weights: g.weights,
      index: new ProjectIndex(g.list, g.weights),
    }));
  }

  // The participant's score with every project the hard filters let through (project id → score).
  scores(participant: ParticipantFacts): Map<string, number> {
    const scores = new Map<string, number>();
    for (const project of this.projects.values()) {
      const score = pairScore(participant, project, this.weightsOf(project));
      if (score !== null) scores.set(project.id, score);
    }
    return scores;
  }

  // The exact top-k over all groups, numbers only: each group's own top-k ranked and merged.
  rankProjects(participant: ParticipantFacts, k: number): RankedEntry[] {
    const ranked: RankedEntry[] = [];
    for (const g of this.groups) {
      for (const m of g.index.rankProjects(participant, k)) {
        ranked.push({ ...m, weightsVersion: g.weights.version });
      }
    }
    return ranked.sort(compareMatches).slice(0, k);
  }

  // The same, explained.
  topProjects(participant: ParticipantFacts, k: number): Match[] {
    return this.rankProjects(participant, k).map((m) => {
      const project = this.projects.get(m.projectId)!;
      return explainMatch(participant, project, this.weightsOf(project), m.score);
    });
  }
}

// Every participant, indexed lazily per set of weights asked for.
export class ParticipantEngine {
  private readonly indexes = new Map<string, ParticipantIndex>();

  constructor(readonly participants: readonly ParticipantFacts[]) {}

  // The project's score with every participant the hard filters let through.
  scores(project: ScoredProjectFacts, weights: MatchingWeights): Map<string, number> {
    const scores = new Map<string, number>();
    for (const participant of this.participants) {
      const score = pairScore(participant, project, weights);
      if (score !== null) scores.set(participant.id, score);
    }
    return scores;
  }

  // The top k of scores already computed for every participant (a single project's job needs
  // them all anyway), numbers only: exact without building an index over every participant.
  rankOfScores(
    project: ScoredProjectFacts,
    weights: MatchingWeights,
    scores: ReadonlyMap<string, number>,
    k: number,
  ): RankedEntry[] {
    // Best first, ties by id (as compareMatches orders them), without sorting every score.
    const ids = [...scores.keys()];
    const best = new TopK(k);
    ids.forEach((id, i) => best.offer(scores.get(id)!, id, i));
    return best.items().map((i) => ({
      participantId: ids[i],
      projectId: project.id,
      score: scores.get(ids[i])!,
      weightsVersion: weights.version,
    }));
  }

  // Candidates for many projects (a chunk of a full re-score): through the index, built once.
  rankCandidates(project: ScoredProjectFacts, weights: MatchingWeights, k: number): RankedEntry[] {
    return this.index(weights)
      .rankCandidates(project, k)
      .map((m) => ({ ...m, weightsVersion: weights.version }));
  }

  private index(weights: MatchingWeights): ParticipantIndex {
    let index = this.indexes.get(weights.version);
    if (!index) {
      index = new ParticipantIndex(this.participants, weights);
      this.indexes.set(weights.version, index);
    }
    return index;
  }
}

// Building an index over every profile or project takes a while, so the worker keeps them.
// Projects (thousands) are reloaded whole when a cheap signature changes: the sum of their
// revisions (every change bumps one), the published count and the weights versions. Participants
// (up to hundreds of thousands) are refreshed by difference: only profiles whose revision moved
// are read again, unless the row count shows bulk-loaded rows (then everything is).
@Injectable()
export class MatchingEngineCache {
  private projects?: { signature: string; engine: Promise<ProjectEngine> };
  // The engine being replaced, kept until the new one is built (see projectEngine).
  private replacedProjects?: Promise<ProjectEngine>;
  private participants?: ParticipantSnapshot;
  // Refreshes run one at a time, so two jobs never rebuild the same snapshot side by side.
  private participantRefresh: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: MatchingFactsLoader,
  ) {}

  async projectEngine(): Promise<ProjectEngine> {
    const signature = await this.projectSignature();
    if (this.projects?.signature !== signature) {
      // The engine replaced stays referenced until its successor is built: V8 keeps an index's
      // hidden classes, and the optimized code that checks them, only while some index is alive,
      // so a collection in between made the new engine run cold and compile its code again
      // (about 0.2 s of CPU per rebuild at 10,000 projects; Performance §1).
      const replaced = this.projects?.engine;
      this.replacedProjects = replaced;
      const release = () => {
        if (this.replacedProjects === replaced) this.replacedProjects = undefined;
      };
      this.projects = { signature, engine: this.buildProjectEngine() };
      this.projects.engine.then(release, release);
      this.projects.engine.catch(() => (this.projects = undefined));
    }
    return this.projects.engine;
  }

  participantEngine(): Promise<ParticipantEngine> {
    const next = this.participantRefresh.then(() => this.refreshParticipants());
    this.participantRefresh = next.catch(() => undefined);
    return next;
  }

  private async refreshParticipants(): Promise<ParticipantEngine> {
    // Every change bumps a revision, so an equal sum and count mean nothing changed: one cheap
    // aggregate per chunk of a full re-score instead of reading 100k revisions each time.
    const [{ signature }] = await this.dataSource.query<Array<{ signature: string }>>(
      `SELECT concat_ws('/',
         (SELECT coalesce(sum(revision), 0) FROM scoring_subject WHERE kind = 'PARTICIPANT'),
         (SELECT count(*) FROM participant_profile)) AS signature`,
    );
    if (this.participants?.signature === signature) return this.participants.engine;
    const [revisionRows, [{ profiles }]] = await Promise.all([
      this.dataSource.query<Array<{ id: string; revision: string }>>(
        `SELECT subject_id AS id, revision FROM scoring_subject WHERE kind = 'PARTICIPANT'`,
      ),
      this.dataSource.query<Array<{ profiles: number }>>(
        'SELECT count(*)::int AS profiles FROM participant_profile',
      ),
    ]);
    const revisions = new Map(revisionRows.map((r) => [r.id, r.revision]));
    const previous = this.participants;
    if (!previous) {
      this.participants = await this.loadAllParticipants(revisions, signature);
      return this.participants.engine;
    }
    const changed = [...revisions].filter(([id, rev]) => previous.revisions.get(id) !== rev);
    if (changed.length === 0 && previous.facts.size === profiles) {
      this.participants = { ...previous, signature };
      return previous.engine;
    }
    const facts = new Map(previous.facts);
    for (const [id] of changed) facts.delete(id);
    for (const p of await this.facts.participants(changed.map(([id]) => id))) facts.set(p.id, p);
    // Rows that arrived without going through the services (bulk loads): read everything again.
    if (facts.size !== profiles) {
      this.participants = await this.loadAllParticipants(revisions, signature);
      return this.participants.engine;
    }
    this.participants = {
      signature,
      revisions,
      facts,
      engine: new ParticipantEngine([...facts.values()]),
    };
    return this.participants.engine;
  }

  private async loadAllParticipants(
    revisions: Map<string, string>,
    signature: string,
  ): Promise<ParticipantSnapshot> {
    const list = await this.facts.participants();
    return {
      signature,
      revisions,
      facts: new Map(list.map((p) => [p.id, p])),
      engine: new ParticipantEngine(list),
    };
  }

  // The weights that score a project: its program's latest version, else the defaults.
  async weightsFor(
    projects: readonly ScoredProjectFacts[],
  ): Promise<(project: ScoredProjectFacts) => MatchingWeights> {
    return weightsResolver(
      this.dataSource.manager,
      projects.map((p) => p.programId),
    );
  }

  private async buildProjectEngine(): Promise<ProjectEngine> {
    const [projects, weightsOf] = await Promise.all([
      this.facts.publishedProjects(),
      weightsResolver(this.dataSource.manager),
    ]);
    return new ProjectEngine(new Map(projects.map((p) => [p.id, p])), weightsOf);
  }

  private async projectSignature(): Promise<string> {
    const rows = await this.dataSource.query<Array<{ signature: string }>>(
      `SELECT concat_ws('/',
         (SELECT coalesce(sum(revision), 0) FROM scoring_subject WHERE kind = 'PROJECT'),
         (SELECT count(*) FROM project WHERE status = 'PUBLISHED'),
         (SELECT count(*) FROM program_weights)) AS signature`,
    );
    return rows[0].signature;
  }
}

interface ParticipantSnapshot {
  // The revisions' sum and the profile count when last refreshed.
  signature: string;
  // Participant id → the revision its facts were read at.
  revisions: Map<string, string>;
  facts: Map<string, ParticipantFacts>;
  engine: ParticipantEngine;
}
