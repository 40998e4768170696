import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byInteger,
  Connection,
  mapConnection,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import {
  explainMatch,
  type ExplainedFactor,
  type MatchingWeights,
  type ParticipantFacts,
  type ProjectFacts,
} from '@tsunagu/matching';
import {
  ParticipantProfile,
  ParticipantProfileService,
  ParticipantProfileView,
} from '@tsunagu/participants';
import { Project, ProjectService, ProjectStatus } from '@tsunagu/projects';
import { DataSource } from 'typeorm';
import { MatchingFactsLoader } from './matching-facts.loader';
import { ParticipantRecommendationList } from './participant-recommendation-list.entity';
import { weightsByLabel } from './program-weights.queries';
import { ProjectCandidateList } from './project-candidate-list.entity';

// An entry of a stored list, explained as it is read.
export interface ExplainedEntry {
  // 1 = best.
  rank: number;
  score: number;
  weightsVersion: string;
  factors: ExplainedFactor[];
  computedAt: Date;
}

export type ProjectRecommendation = ExplainedEntry & { project: Project };
export type CandidateView = ExplainedEntry & { view: ParticipantProfileView };

// Lists are ordered by rank (the place in the stored array); the keyset is (−rank, other id)
// because keysets run descending.
const RANK_KEYS = (idColumn: string) => [
  byInteger(`0 - array_position(CAST(:listIds AS uuid[]), ${idColumn})`),
  byId(idColumn),
];

// A stored list as read on every request: plain SQL, without TypeORM's query building and
// entities (the benchmark baseline of docs/PERFORMANCE.md section 4 sends the same statements).
export const PARTICIPANT_LIST_SQL =
  'SELECT "project_ids" AS "projectIds", "scores", "weights_versions" AS "weightsVersions", ' +
  '"computed_at" AS "computedAt" FROM "participant_recommendation_list" WHERE "participant_id" = $1';
export const PROJECT_LIST_SQL =
  'SELECT "participant_ids" AS "participantIds", "scores", "weights_version" AS "weightsVersion", ' +
  '"computed_at" AS "computedAt" FROM "project_candidate_list" WHERE "project_id" = $1';
type StoredList<T> = Omit<T, 'participantId' | 'participant' | 'projectId' | 'project'>;

// Reads the stored lists for the API, explaining each entry of the page from the facts, the
// weights version it was scored with and its score (what the worker would have stored).
// The facts are today's, the score the last re-score's: between a change and the re-score it
// queues (one job, usually seconds; longer for lists a full run has not reached yet) a reason may
// name a fact the stored score was not computed from. Lists are not marked stale meanwhile.
@Injectable()
export class RecommendationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly projects: ProjectService,
    private readonly profiles: ParticipantProfileService,
    private readonly facts: MatchingFactsLoader,
  ) {}

  // The participant's own list; projects no longer published drop out at once.
  async forParticipant(actor: Actor, page: Page): Promise<Connection<ProjectRecommendation>> {
    const [list] = await this.dataSource.query<StoredList<ParticipantRecommendationList>[]>(
      PARTICIPANT_LIST_SQL,
      [actor.userId],
    );
    const ids = list?.projectIds ?? [];
    const qb = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.id = ANY(:listIds)', { listIds: ids })
      .andWhere('p.status = :published', { published: ProjectStatus.PUBLISHED })
      .andWhere('p.pausedAt IS NULL');
    const connection = await paginateKeyset(qb, { ...page, keys: RANK_KEYS('p.id') });
    if (!list || connection.edges.length === 0) return { ...connection, edges: [] };
    const projectIds = connection.edges.map((e) => e.node.id);
    const [[participant], projectFacts, weights] = await Promise.all([
      this.facts.participants([actor.userId]),
      this.facts.projects(projectIds),
      weightsByLabel(this.dataSource.manager, list.weightsVersions),
    ]);
    const factsOf = new Map(projectFacts.map((p) => [p.id, p]));
    return keepExplained(
      mapConnection(connection, (project) => {
        const i = list.projectIds.indexOf(project.id);
        const entry = explained(
          participant,
          factsOf.get(project.id),
          weights.get(list.weightsVersions[i]),
          list.scores[i],
        );
        return entry && { ...entry, rank: i + 1, computedAt: list.computedAt, project };
      }),
    );
  }

  // For the project's region and the intermediaries supervising it: candidates whose profile the
  // viewer may see (hidden ones are left out, not shown blank).
  async forProject(
    actor: Actor,
    projectId: string,
    page: Page,
  ): Promise<Connection<CandidateView>> {
    const project = await this.projects.load(projectId);
    this.policy.assert(
      this.policy.canSupervise(actor, project),
      "Only the project's region and supervising intermediaries see its candidates",
    );
    const visibilities = this.policy.viewableProfileVisibilities(actor);
    if (visibilities.length === 0) {
      throw AppError.forbidden('Only intermediaries and region staff see candidates');
    }
    const [list] = await this.dataSource.query<StoredList<ProjectCandidateList>[]>(
      PROJECT_LIST_SQL,
      [projectId],
    );
    const qb = this.dataSource
      .getRepository(ParticipantProfile)
      .createQueryBuilder('pp')
      .where('pp.userId = ANY(:listIds)', { listIds: list?.participantIds ?? [] })
      .andWhere('pp.visibility IN (:...visibilities)', { visibilities });
    const connection = await paginateKeyset(qb, { ...page, keys: RANK_KEYS('pp.userId') });
    if (!list || connection.edges.length === 0) return { ...connection, edges: [] };
    const participantIds = connection.edges.map((e) => e.node.userId);
    const [views, participantFacts, [projectFacts], weights] = await Promise.all([
      this.profiles.visibleViews(actor, participantIds),
      this.facts.participants(participantIds),
      this.facts.projects([projectId]),
      weightsByLabel(this.dataSource.manager, [list.weightsVersion]),
    ]);
    const viewOf = new Map(views.map((v) => [v.profile.userId, v]));
    const factsOf = new Map(participantFacts.map((p) => [p.id, p]));
    return keepExplained(
      mapConnection(connection, (profile) => {
        const i = list.participantIds.indexOf(profile.userId);
        const entry = explained(
          factsOf.get(profile.userId),
          projectFacts,
          weights.get(list.weightsVersion),
          list.scores[i],
        );
        const view = viewOf.get(profile.userId);
        return entry && view && { ...entry, rank: i + 1, computedAt: list.computedAt, view };
      }),
    );
  }
}

// The entry's explanation; none when the pair cannot be explained any more (a fact changed so that
// it no longer passes the filters, and the list awaits its re-score), so it is left out.
function explained(
  participant: ParticipantFacts | undefined,
  project: ProjectFacts | undefined,
  weights: MatchingWeights | undefined,
  score: number,
): Pick<ExplainedEntry, 'score' | 'weightsVersion' | 'factors'> | undefined {
  if (!participant || !project || !weights) return undefined;
  try {
    const match = explainMatch(participant, project, weights, score);
    return { score, weightsVersion: weights.version, factors: match.factors };
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function keepExplained<T>(connection: Connection<T | undefined>): Connection<T> {
  return {
    pageInfo: connection.pageInfo,
    edges: connection.edges.filter((e): e is { cursor: string; node: T } => e.node !== undefined),
  };
}
