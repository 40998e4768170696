import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  Connection,
  DomainEventPublisher,
  mapConnection,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import {
  ParticipantProfile,
  ParticipantProfileService,
  ParticipantProfileView,
} from '@tsunagu/participants';
import { DataSource, In } from 'typeorm';
import { isOpenToKind } from '../project-eligibility';
import { Project, ProjectStatus } from '../project.entity';
import { ProjectService } from '../project.service';
import { PROJECT_INTEREST_MARKED } from './interest-events';
import { ProjectInterest } from './project-interest.entity';

// A project someone marked, with when.
export interface MarkedProject {
  project: Project;
  markedAt: Date;
}

// Someone interested in a project, as the viewer may see them.
export interface InterestedParticipant {
  view: ParticipantProfileView;
  markedAt: Date;
}

@Injectable()
export class ProjectInterestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly projects: ProjectService,
    private readonly participants: ParticipantProfileService,
    private readonly events: DomainEventPublisher,
  ) {}

  // Idempotent: marking again keeps the first mark. A published project only (paused ones too:
  // interest is not an application), open to the participant's kind.
  async mark(actor: Actor, projectId: string): Promise<Project> {
    const profile = await this.dataSource
      .getRepository(ParticipantProfile)
      .findOneBy({ userId: actor.userId });
    if (!profile) {
      throw AppError.forbidden('Only participants mark interest: create your participant profile');
    }
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: projectId });
    if (!project || project.status !== ProjectStatus.PUBLISHED) {
      throw AppError.notFound('Published project', projectId);
    }
    if (!isOpenToKind(project, profile.kind)) {
      throw AppError.invalidField(
        ['projectId'],
        `is not open to ${profile.kind} participants (open to ${project.eligibleKinds.join(', ')})`,
      );
    }
    await this.dataSource.transaction(async (m) => {
      // ON CONFLICT DO NOTHING: concurrent marks insert one row and publish one event, with no
      // unique-violation error to catch.
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(ProjectInterest)
        .values({ participantId: actor.userId, projectId })
        .orIgnore()
        .returning(['project_id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return;
      // Keyed by participant and project: unmarking and marking again tells the region once.
      await this.events.publish(
        m,
        PROJECT_INTEREST_MARKED,
        {
          projectId,
          participantId: actor.userId,
        },
        [projectId, actor.userId],
      );
    });
    return project;
  }

  // Idempotent too; works on projects no longer published, so old marks can be cleared.
  async unmark(actor: Actor, projectId: string): Promise<void> {
    await this.dataSource
      .getRepository(ProjectInterest)
      .delete({ participantId: actor.userId, projectId });
  }

  // The actor's marks on projects still published, newest first.
  async mine(actor: Actor, page: Page): Promise<Connection<MarkedProject>> {
    const qb = this.dataSource
      .getRepository(ProjectInterest)
      .createQueryBuilder('pi')
      .innerJoinAndSelect('pi.project', 'p')
      .where('pi.participantId = :userId', { userId: actor.userId })
      .andWhere('p.status = :published', { published: ProjectStatus.PUBLISHED });
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('pi.createdAt'), byId('pi.projectId')],
    });
    return mapConnection(connection, (interest) => ({
      project: interest.project!,
      markedAt: interest.createdAt,
    }));
  }

  // Who is interested in a project, for its region and supervising intermediaries: only the
  // participants whose visibility lets the viewer see them (the count on the project is for
  // everyone), newest first.
  async ofProject(
    actor: Actor,
    projectId: string,
    page: Page,
  ): Promise<Connection<InterestedParticipant>> {
    const project = await this.projects.load(projectId);
    this.policy.assert(
      this.policy.canSupervise(actor, project),
      "Only the project's region and supervising intermediaries see who is interested",
    );
    const visibilities = this.policy.viewableProfileVisibilities(actor);
    const qb = this.dataSource
      .getRepository(ProjectInterest)
      .createQueryBuilder('pi')
      .innerJoin(ParticipantProfile, 'pp', 'pp.userId = pi.participantId')
      .where('pi.projectId = :projectId', { projectId })
      // Admins see no profiles: an empty list rather than an error.
      .andWhere(visibilities.length ? 'pp.visibility IN (:...visibilities)' : 'false', {
        visibilities,
      });
    const connection = await paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('pi.createdAt'), byId('pi.participantId')],
    });
    const views = await this.participants.visibleViews(
      actor,
      connection.edges.map((e) => e.node.participantId),
    );
    const byUser = new Map(views.map((v) => [v.profile.userId, v]));
    // A profile hidden between the two reads drops out of this page rather than failing it.
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.flatMap(({ cursor, node }) => {
        const view = byUser.get(node.participantId);
        return view ? [{ cursor, node: { view, markedAt: node.createdAt } }] : [];
      }),
    };
  }

  // Batch loaders' back ends: one query for any number of projects.
  async countsFor(projectIds: readonly string[]): Promise<Map<string, number>> {
    if (projectIds.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ project_id: string; n: number }>>(
      `SELECT project_id, count(*)::int AS n FROM project_interest
        WHERE project_id = ANY($1::uuid[]) GROUP BY project_id`,
      [[...new Set(projectIds)]],
    );
    return new Map(rows.map((r) => [r.project_id, r.n]));
  }

  // Which of the projects the user marked.
  async markedBy(userId: string, projectIds: readonly string[]): Promise<Set<string>> {
    if (projectIds.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(ProjectInterest).find({
      select: { projectId: true },
      where: { participantId: userId, projectId: In([...new Set(projectIds)]) },
    });
    return new Set(rows.map((r) => r.projectId));
  }
}
