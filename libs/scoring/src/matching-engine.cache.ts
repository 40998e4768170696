import { Injectable } from '@nestjs/common';
import {
  compareMatches,
  DEFAULT_WEIGHTS,
  Match,
  MatchingWeights,
  ParticipantFacts,
  ParticipantIndex,
  ProjectIndex,
  scorePair,
} from '@tsunagu/matching';
import { DataSource } from 'typeorm';
import { MatchingFactsLoader, ScoredProjectFacts } from './matching-facts.loader';
import { currentWeights, latestProgramWeights, toMatchingWeights } from './program-weights.queries';

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
      const match = scorePair(participant, project, this.weightsOf(project));
      if (match) scores.set(project.id, match.score);
    }
    return scores;
  }

  // The exact top-k over all groups: each group's own top-k, merged.
  topProjects(participant: ParticipantFacts, k: number): Match[] {
    return this.groups
      .flatMap((g) => g.index.topProjects(participant, k))
      .sort(compareMatches)
      .slice(0, k);
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
      const match = scorePair(participant, project, weights);
      if (match) scores.set(participant.id, match.score);
    }
    return scores;
  }

  topCandidates(project: ScoredProjectFacts, weights: MatchingWeights, k: number): Match[] {
    let index = this.indexes.get(weights.version);
    if (!index) {
      index = new ParticipantIndex(this.participants, weights);
      this.indexes.set(weights.version, index);
    }
    return index.topCandidates(project, k);
  }
}

// Building an index over every profile or project takes a while, so the worker keeps them and
// rebuilds only when a cheap signature shows the underlying rows changed: the sum of revisions
// (every change bumps one), row counts and the weights versions.
@Injectable()
export class MatchingEngineCache {
  private projects?: { signature: string; engine: Promise<ProjectEngine> };
  private participants?: { signature: string; engine: Promise<ParticipantEngine> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: MatchingFactsLoader,
  ) {}

  async projectEngine(): Promise<ProjectEngine> {
    const signature = await this.signature('PROJECT');
    if (this.projects?.signature !== signature) {
      this.projects = { signature, engine: this.buildProjectEngine() };
      this.projects.engine.catch(() => (this.projects = undefined));
    }
    return this.projects.engine;
  }

  async participantEngine(): Promise<ParticipantEngine> {
    const signature = await this.signature('PARTICIPANT');
    if (this.participants?.signature !== signature) {
      this.participants = {
        signature,
        engine: this.facts.participants().then((list) => new ParticipantEngine(list)),
      };
      this.participants.engine.catch(() => (this.participants = undefined));
    }
    return this.participants.engine;
  }

  // The weights that score a project: its program's latest version, else the defaults.
  async weightsFor(project: ScoredProjectFacts): Promise<MatchingWeights> {
    return currentWeights(this.dataSource.manager, project.programId);
  }

  private async buildProjectEngine(): Promise<ProjectEngine> {
    const [projects, latest] = await Promise.all([
      this.facts.publishedProjects(),
      latestProgramWeights(this.dataSource.manager),
    ]);
    const weights = new Map([...latest].map(([id, row]) => [id, toMatchingWeights(row)]));
    return new ProjectEngine(
      new Map(projects.map((p) => [p.id, p])),
      (p) => (p.programId && weights.get(p.programId)) || DEFAULT_WEIGHTS,
    );
  }

  private async signature(kind: 'PROJECT' | 'PARTICIPANT'): Promise<string> {
    const counted =
      kind === 'PROJECT' ? "project WHERE status = 'PUBLISHED'" : 'participant_profile';
    const rows = await this.dataSource.query<Array<{ signature: string }>>(
      `SELECT concat_ws('/',
         (SELECT coalesce(sum(revision), 0) FROM scoring_subject WHERE kind = $1),
         (SELECT count(*) FROM ${counted}),
         (SELECT count(*) FROM program_weights),
         (SELECT count(*) FROM application)) AS signature`,
      [kind],
    );
    return rows[0].signature;
  }
}
