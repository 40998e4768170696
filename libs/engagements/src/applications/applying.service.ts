import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  ConflictReason,
  Connection,
  DomainEventPublisher,
  isUniqueViolation,
  Page,
  paginateKeyset,
} from '@tsunagu/core';
import { Actor, assertEmailsVerified, PolicyService } from '@tsunagu/identity';
import { isOpenToKind, ProjectService } from '@tsunagu/projects';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Engagement } from '../lifecycle/engagement.entity';
import { EngagementStatus } from '../lifecycle/engagement-state';
import {
  APPLICATION_SUBMITTED,
  PARTICIPANT_TIES_CHANGED,
  PROJECT_CANDIDATES_CHANGED,
} from '../lifecycle/engagement-events';
import { CompanyTeam, CompanyTeamMember } from '@tsunagu/companies';
import { ParticipantKind, ParticipantProfile } from '@tsunagu/participants';
import { EngagementGuardianConsent } from '../guardians/engagement-guardian-consent';

export interface ApplicationSubmission {
  projectId: string;
  participantId: string;
  motivation: string;
}

@Injectable()
export class ApplyingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly policy: PolicyService,
    private readonly events: DomainEventPublisher,
    private readonly guardians: EngagementGuardianConsent,
  ) {}

  async apply(actor: Actor, projectId: string, motivation: string): Promise<Engagement> {
    const profile = await this.dataSource
      .getRepository(ParticipantProfile)
      .findOneBy({ userId: actor.userId });
    if (!profile) {
      throw AppError.forbidden('Only participants apply: create your participant profile first');
    }
    const project = await this.projects.getPublished(projectId);
    if (!isOpenToKind(project, profile.kind)) {
      throw AppError.invalidField(
        ['input', 'projectId'],
        `is not open to ${profile.kind} participants (open to ${project.eligibleKinds.join(', ')})`,
      );
    }
    const engagementId = await this.dataSource.transaction((m) =>
      this.submitWithin(m, [
        { projectId, participantId: profile.userId, motivation: motivation.trim() },
      ]).then(([id]) => id),
    );
    return this.load(engagementId);
  }

  // A company's team applies together: one application (and later engagement, each with its own
  // status) per member, all or none. For the company's owners.
  async applyAsTeam(
    actor: Actor,
    teamId: string,
    projectId: string,
    motivation: string,
  ): Promise<Engagement[]> {
    const team = await this.dataSource.getRepository(CompanyTeam).findOneBy({ id: teamId });
    if (!team) throw AppError.notFound('Company team', teamId);
    this.policy.assert(
      this.policy.canManageCompany(actor, team.companyOrganizationId),
      "Only the company's owners apply for its teams",
    );
    const project = await this.projects.getPublished(projectId);
    if (!isOpenToKind(project, ParticipantKind.COMPANY_EMPLOYEE)) {
      throw AppError.invalidField(['input', 'projectId'], 'is not open to company employees');
    }
    const ids = await this.dataSource
      .transaction(async (m) => {
        const members = await m
          .getRepository(CompanyTeamMember)
          .find({ where: { teamId }, order: { userId: 'ASC' } });
        if (members.length === 0) {
          throw AppError.invalidField(['input', 'teamId'], 'the team has no members');
        }
        // Members are enrolled as company employees, but a profile can change after that.
        const employees = await m.getRepository(ParticipantProfile).countBy({
          userId: In(members.map((x) => x.userId)),
          kind: ParticipantKind.COMPANY_EMPLOYEE,
          companyOrganizationId: team.companyOrganizationId,
        });
        if (employees !== members.length) {
          throw AppError.invalidField(
            ['input', 'teamId'],
            "every member needs a company-employee profile linked to the team's company",
          );
        }
        // A team comes together or not at all: it must fit in the seats still free.
        const free = project.capacity - (await this.projects.seatsHeld(m, projectId));
        if (members.length > free) {
          throw AppError.conflict(
            ConflictReason.PROJECT_FULL,
            `The team has ${members.length} members but the project has ${Math.max(free, 0)} free places`,
          );
        }
        return this.submitWithin(
          m,
          members.map((member) => ({
            projectId,
            participantId: member.userId,
            motivation: motivation.trim(),
          })),
        );
      })
      .catch((error: unknown) => {
        if (error instanceof AppError && error.reason === ConflictReason.ALREADY_APPLIED) {
          throw AppError.conflict(
            ConflictReason.ALREADY_APPLIED,
            'A member of this team has already applied to this project',
          );
        }
        throw error;
      });
    return Promise.all(ids.map((id) => this.load(id)));
  }

  // In the caller's transaction (accepted scout offers and confirmed cohorts use it too): the
  // applications and the jobs that notify the regions are committed together; ids in input order.
  // The caller checks who and which projects.
  async submitWithin(
    manager: EntityManager,
    submissions: readonly ApplicationSubmission[],
  ): Promise<string[]> {
    // Every path that creates an engagement comes through here: the one place it is checked.
    await assertEmailsVerified(
      manager,
      submissions.map((s) => s.participantId),
    );
    const ids: string[] = [];
    for (const submission of submissions) {
      try {
        const inserted = await manager.insert(Engagement, submission);
        ids.push((inserted.identifiers[0] as { id: string }).id);
      } catch (error) {
        if (isUniqueViolation(error, 'engagement_project_participant_key')) {
          throw AppError.conflict(
            ConflictReason.ALREADY_APPLIED,
            'You have already applied to this project',
          );
        }
        throw error;
      }
      const id = ids[ids.length - 1];
      // A participant under 18 needs their guardian's consent before the region can accept.
      await this.guardians.requestWithin(manager, id);
      await this.events.publish(manager, APPLICATION_SUBMITTED, { engagementId: id }, [id]);
    }
    // Each project has one more candidate (fairness), each participant a tie with a region.
    // Every projects' rows, then every participant's, each in id order: concurrent submissions
    // take these locks in one global order and cannot deadlock.
    const sorted = (key: 'projectId' | 'participantId') =>
      [...new Set(submissions.map((s) => s[key]))].sort();
    for (const projectId of sorted('projectId')) {
      await this.events.publish(manager, PROJECT_CANDIDATES_CHANGED, { projectId });
    }
    for (const participantId of sorted('participantId')) {
      await this.events.publish(manager, PARTICIPANT_TIES_CHANGED, { participantId });
    }
    return ids;
  }

  // The actor's own engagements, of the given statuses (all when none are given).
  mine(
    actor: Actor,
    page: Page,
    statuses?: readonly EngagementStatus[] | null,
  ): Promise<Connection<Engagement>> {
    const qb = this.withRelations().where('a.participantId = :userId', { userId: actor.userId });
    if (statuses?.length) qb.andWhere('a.status IN (:...statuses)', { statuses });
    return this.paginate(qb, page);
  }

  // The actor's engagement with a project (one at most), or null.
  mineForProject(actor: Actor, projectId: string): Promise<Engagement | null> {
    return this.withRelations()
      .where('a.participantId = :userId', { userId: actor.userId })
      .andWhere('a.projectId = :projectId', { projectId })
      .getOne();
  }

  // For the project's region staff and the intermediaries covering it.
  async forProject(actor: Actor, projectId: string, page: Page): Promise<Connection<Engagement>> {
    const project = await this.projects.get(actor, projectId);
    this.policy.assert(
      this.policy.canSupervise(actor, project),
      "Only the project's region and supervising intermediaries see its applications",
    );
    const qb = this.withRelations().where('a.projectId = :projectId', { projectId });
    return this.paginate(qb, page);
  }

  async load(id: string): Promise<Engagement> {
    const application = await this.find(id);
    if (!application) throw AppError.notFound('Engagement', id);
    return application;
  }

  // With its project and applicant (and the applicant's user) loaded; null when gone. Inside a
  // transaction, pass its manager: the read then shares the transaction's connection.
  find(id: string, m: EntityManager = this.dataSource.manager): Promise<Engagement | null> {
    return this.withRelations(m).where('a.id = :id', { id }).getOne();
  }

  private withRelations(
    m: EntityManager = this.dataSource.manager,
  ): SelectQueryBuilder<Engagement> {
    return (
      m
        .getRepository(Engagement)
        .createQueryBuilder('a')
        // The project's theme, region and skills come from the API's DataLoaders.
        .innerJoinAndSelect('a.project', 'p')
        .innerJoinAndSelect('a.participant', 'profile')
        .innerJoinAndSelect('profile.user', 'u')
    );
  }

  private paginate(
    qb: SelectQueryBuilder<Engagement>,
    page: Page,
  ): Promise<Connection<Engagement>> {
    return paginateKeyset(qb, {
      ...page,
      keys: [byTimestamp('a.createdAt'), byId('a.id')],
    });
  }
}
