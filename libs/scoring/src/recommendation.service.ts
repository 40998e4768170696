import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byNumber,
  Connection,
  mapConnection,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { ParticipantProfileService, ParticipantProfileView } from '@tsunagu/participants';
import { Project, ProjectService, ProjectStatus } from '@tsunagu/projects';
import { DataSource } from 'typeorm';
import { ParticipantRecommendation } from './participant-recommendation.entity';
import { ProjectCandidate } from './project-candidate.entity';

// Lists are ordered by rank; the keyset is (−rank, other id) because keysets run descending.
const RANK_KEYS = (alias: string, id: string) => [
  byNumber(`0 - ${alias}.rank`),
  byId(`${alias}.${id}`),
];

export type CandidateView = ProjectCandidate & { view: ParticipantProfileView };

// Reads the stored lists for the API.
@Injectable()
export class RecommendationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly projects: ProjectService,
    private readonly profiles: ParticipantProfileService,
  ) {}

  // The participant's own list; projects no longer published drop out at once.
  async forParticipant(
    actor: Actor,
    page: Page,
  ): Promise<Connection<ParticipantRecommendation & { project: Project }>> {
    const qb = this.dataSource
      .getRepository(ParticipantRecommendation)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.project', 'p')
      .where('r.participantId = :userId', { userId: actor.userId })
      .andWhere('p.status = :published', { published: ProjectStatus.PUBLISHED })
      .andWhere('p.pausedAt IS NULL');
    const connection = await paginateKeyset(qb, { ...page, keys: RANK_KEYS('r', 'projectId') });
    return mapConnection(connection, (r) => r as ParticipantRecommendation & { project: Project });
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
    const qb = this.dataSource
      .getRepository(ProjectCandidate)
      .createQueryBuilder('c')
      .innerJoin('c.participant', 'pp')
      .where('c.projectId = :projectId', { projectId })
      .andWhere('pp.visibility IN (:...visibilities)', { visibilities });
    const connection = await paginateKeyset(qb, { ...page, keys: RANK_KEYS('c', 'participantId') });
    const views = await this.profiles.visibleViews(
      actor,
      connection.edges.map((e) => e.node.participantId),
    );
    const viewOf = new Map(views.map((v) => [v.profile.userId, v]));
    return mapConnection(connection, (c) =>
      Object.assign(c, { view: viewOf.get(c.participantId)! }),
    );
  }
}
