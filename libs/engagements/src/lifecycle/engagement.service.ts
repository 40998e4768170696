import { Injectable } from '@nestjs/common';
import { AppError, DomainEventPublisher, FieldProblem, ConflictReason } from '@tsunagu/core';
import { Actor, Membership, OrganizationKind, PolicyService, User } from '@tsunagu/identity';
import { ParticipantProfile } from '@tsunagu/participants';
import { Project, ProjectService, ProjectStatus } from '@tsunagu/projects';
import { DataSource, EntityManager, In } from 'typeorm';
import { Engagement, EngagementTerms, InterviewPlan } from './engagement.entity';
import { ApplyingService } from '../applications/applying.service';
import { continueRelationship } from '../relationships/engagement-continuation';
import { EngagementEvent } from './engagement-event.entity';
import { engagementRolesOf } from './engagement-parties';
import {
  ENGAGEMENT_STATUS_CHANGED,
  PARTICIPANT_TIES_CHANGED,
  PROJECT_CANDIDATES_CHANGED,
} from './engagement-events';
import { EngagementResponseService } from '../applications/engagement-response.service';
import { EngagementGuardianConsent } from '../guardians/engagement-guardian-consent';
import {
  CONTACTS_SHARED,
  decideEngagement,
  EngagementAction,
  EngagementRole,
  EngagementStatus,
} from './engagement-state';

export interface EngagementTransition {
  engagementId: string;
  action: EngagementAction;
  reason?: string | null;
  interview?: { slots: string[]; meetingUrl?: string | null; notes?: string | null } | null;
  terms?:
    | (Omit<EngagementTerms, 'endDate' | 'supervisorId'> & {
        endDate?: string | null;
        supervisorId?: string | null;
      })
    | null;
}

export interface EngagementContacts {
  participant: { name: string; email: string; phone: string | null };
  region: Array<{ name: string; email: string }>;
}

// Engagements that ended without happening: no longer a project's candidate.
const ENDED: readonly EngagementStatus[] = [
  EngagementStatus.DECLINED,
  EngagementStatus.WITHDRAWN,
  EngagementStatus.CANCELLED,
];

// Moves engagements through their lifecycle: one row lock per engagement (and the project's for
// an acceptance, so capacity holds however many arrive at once), the audit entry in the same
// transaction.
@Injectable()
export class EngagementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly projects: ProjectService,
    private readonly applications: ApplyingService,
    private readonly responses: EngagementResponseService,
    private readonly events: DomainEventPublisher,
    private readonly guardians: EngagementGuardianConsent,
  ) {}

  async transition(actor: Actor, input: EngagementTransition): Promise<Engagement> {
    // Its length is checked already (TransitionEngagementInput); whether it is needed is not.
    const reason = input.reason?.trim() || null;
    await this.dataSource.transaction(async (m) => {
      const application = await m.getRepository(Engagement).findOne({
        where: { id: input.engagementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!application) throw AppError.notFound('Engagement', input.engagementId);
      // Capacity is checked under the project's row lock: acceptances queue one after the other.
      const project =
        input.action === EngagementAction.ACCEPT
          ? await this.projects.lockForUpdate(m, application.projectId)
          : await this.projects.load(application.projectId, m);
      const roles = this.rolesOf(actor, application, project);
      if (roles.size === 0) throw AppError.notFound('Engagement', input.engagementId);
      const decision = decideEngagement(application.status, input.action, roles);
      if (!decision.ok) {
        throw decision.reason === 'FORBIDDEN'
          ? AppError.forbidden(decision.message)
          : AppError.conflict(ConflictReason.INVALID_TRANSITION, decision.message);
      }
      if (decision.needsReason && !reason) {
        throw AppError.invalidField(['input', 'reason'], 'is required for this action');
      }
      // A minor is taken on, and starts, only with their guardian's consent.
      if (input.action === EngagementAction.ACCEPT || input.action === EngagementAction.START) {
        await this.guardians.assertConsentedWithin(m, application.id);
      }
      const changes: Partial<Engagement> = {
        status: decision.to,
        statusReason: decision.needsReason ? reason : application.statusReason,
        statusChangedAt: new Date(),
      };
      if (input.action === EngagementAction.PROPOSE_INTERVIEW) {
        changes.interview = interviewOf(input.interview);
      }
      if (input.action === EngagementAction.APPROVE) {
        changes.terms = await this.termsOf(m, actor, input.terms);
      }
      if (input.action === EngagementAction.ACCEPT) {
        // A seat is taken only on a published project (a paused one too: accepting is the
        // region's answer that unpauses it). Not on a draft sent back for changes, nor a closed one.
        if (project.status !== ProjectStatus.PUBLISHED) {
          throw AppError.conflict(
            ConflictReason.NOT_TAKING_APPLICATIONS,
            `This project is ${project.status}: it takes nobody on`,
          );
        }
        const held = await this.projects.seatsHeld(m, project.id);
        if (held >= project.capacity) {
          throw AppError.conflict(
            ConflictReason.PROJECT_FULL,
            `The project is full: all ${project.capacity} places are taken`,
          );
        }
      }
      await m.update(Engagement, { id: application.id }, changes);
      const recorded = await m.insert(EngagementEvent, {
        engagementId: application.id,
        actorId: actor.userId,
        action: input.action,
        fromStatus: application.status,
        toStatus: decision.to,
        reason,
      });
      const engagementEventId = String((recorded.identifiers[0] as { id: string }).id);
      await this.events.publish(
        m,
        ENGAGEMENT_STATUS_CHANGED,
        { engagementId: application.id, engagementEventId },
        [engagementEventId],
      );
      // Matching counts live applications as a project's candidates and approved engagements as
      // ties with a region: re-score when either changes (the project's freshness row before the
      // participant's, the order every writer bumps them in).
      const from = application.status;
      const to = decision.to;
      if (ENDED.includes(from) !== ENDED.includes(to)) {
        await this.events.publish(m, PROJECT_CANDIDATES_CHANGED, {
          projectId: application.projectId,
        });
      }
      if (CONTACTS_SHARED.includes(from) !== CONTACTS_SHARED.includes(to)) {
        await this.events.publish(m, PARTICIPANT_TIES_CHANGED, {
          participantId: application.participantId,
        });
      }
      // The region's answer (or a withdrawal) may clear the last overdue application.
      if (from === EngagementStatus.SUBMITTED && project.pausedAt) {
        await this.responses.unpauseAnswered(m, project.id);
      }
      // Completion opens the follow-ups; a new approval may answer an earlier engagement's.
      await continueRelationship(m, application.id, to, changes.statusChangedAt!);
    });
    return this.applications.load(input.engagementId);
  }

  // Every transition, oldest first, for the people the engagement concerns.
  // Readable as the engagement itself is (get): its parties, and platform admins for support.
  async history(actor: Actor, engagementId: string): Promise<EngagementEvent[]> {
    await this.get(actor, engagementId);
    return this.dataSource.getRepository(EngagementEvent).find({
      where: { engagementId },
      relations: { actor: true },
      order: { id: 'ASC' },
    });
  }

  // Participant and region see each other's contact details only once the engagement is approved.
  async contacts(actor: Actor, engagementId: string): Promise<EngagementContacts> {
    const application = await this.visible(actor, engagementId);
    if (!CONTACTS_SHARED.includes(application.status)) {
      throw AppError.conflict(
        ConflictReason.WRONG_STATUS,
        `Contact details are shared once the intermediary approves the engagement (it is ${application.status})`,
      );
    }
    const participant = await this.dataSource.getRepository(ParticipantProfile).findOneOrFail({
      where: { userId: application.participantId },
      relations: { user: true },
    });
    const staff = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(Membership, 'm', 'm.userId = u.id')
      .where('m.organizationId = :orgId', { orgId: application.project!.regionOrganizationId })
      .orderBy('u.displayName')
      .getMany();
    return {
      participant: {
        name: participant.user!.displayName,
        email: participant.user!.email,
        phone: participant.phone,
      },
      region: staff.map((u) => ({ name: u.displayName, email: u.email })),
    };
  }

  // One engagement for its page: its parties see it, and platform admins may read it (read only:
  // they take no step, rolesOf gives them none).
  async get(actor: Actor, engagementId: string): Promise<Engagement> {
    if (this.policy.isPlatformAdmin(actor)) return this.applications.load(engagementId);
    return this.visible(actor, engagementId);
  }

  private async visible(actor: Actor, engagementId: string): Promise<Engagement> {
    return (await this.findFor(actor, engagementId)).application;
  }

  // The engagement (project and applicant loaded) and the actor's roles on it. Someone with no
  // role gets `missing` (NOT_FOUND by default), so its existence does not leak. Inside a
  // transaction, pass its manager.
  async findFor(
    actor: Actor,
    engagementId: string,
    missing = () => AppError.notFound('Engagement', engagementId),
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ application: Engagement; roles: Set<EngagementRole> }> {
    const application = await this.applications.find(engagementId, m);
    if (!application) throw missing();
    const roles = this.rolesOf(actor, application, application.project!);
    if (roles.size === 0) throw missing();
    return { application, roles };
  }

  // The roles the actor has on the engagement; none means it is not theirs to see.
  rolesOf(actor: Actor, application: Engagement, project: Project): Set<EngagementRole> {
    return engagementRolesOf(this.policy, actor, {
      participantId: application.participantId,
      project,
    });
  }

  // The terms an intermediary approves. The supervisor defaults to the approver; another one must
  // be staff of the approver's intermediary organisation.
  private async termsOf(
    m: EntityManager,
    actor: Actor,
    terms: EngagementTransition['terms'],
  ): Promise<EngagementTerms> {
    if (!terms) throw AppError.invalidField(['input', 'terms'], 'are required to approve');
    const path = (field: string) => ['input', 'terms', field];
    const problems: FieldProblem[] = [];
    // Dates and hours are in range already (EngagementTermsInput); goals are needed to approve.
    const { startDate, endDate = null, hoursPerWeek, goals } = terms;
    if (!goals.trim()) {
      problems.push({ path: path('goals'), message: 'must say what the engagement is for' });
    }
    const supervisorId = terms.supervisorId ?? actor.userId;
    if (supervisorId !== actor.userId) {
      const organizations = actor.memberships
        .filter((x) => x.organizationKind === OrganizationKind.INTERMEDIARY)
        .map((x) => x.organizationId);
      const colleague = await m
        .getRepository(Membership)
        .existsBy({ userId: supervisorId, organizationId: In(organizations) });
      if (!colleague) {
        problems.push({
          path: path('supervisorId'),
          message: 'must be staff of your intermediary organisation',
        });
      }
    }
    if (problems.length) throw AppError.invalidFields(problems);
    return {
      startDate,
      endDate,
      hoursPerWeek,
      goals: goals.trim(),
      supervisorId,
    };
  }
}

// Proposing an interview needs a plan; its slots and link are checked already (InterviewPlanInput).
function interviewOf(plan: EngagementTransition['interview']): InterviewPlan {
  if (!plan) {
    throw AppError.invalidField(['input', 'interview', 'slots'], 'must propose at least one slot');
  }
  return {
    slots: plan.slots.map((s) => new Date(s).toISOString()),
    meetingUrl: plan.meetingUrl ?? null,
    notes: plan.notes?.trim() || null,
  };
}
