import { Injectable } from '@nestjs/common';
import {
  AppError,
  byId,
  byTimestamp,
  Connection,
  DomainEventPublisher,
  isUniqueViolation,
  Page,
  paginateKeyset,
  ConflictReason,
} from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';
import { ParticipantProfile } from '@tsunagu/participants';
import {
  isOpenToKind,
  notTakingApplications,
  Project,
  ProjectService,
  ProjectStatus,
} from '@tsunagu/projects';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Engagement } from '../lifecycle/engagement.entity';
import { ApplyingService } from '../applications/applying.service';
import { SCOUT_OFFER_ANSWERED, SCOUT_OFFER_RECEIVED } from './scout-offer-events';
import { ScoutOffer, ScoutOfferStatus, scoutOfferStatusAt } from './scout-offer.entity';
import { SCOUT_EXPIRY_DAYS, ScoutOfferResponse } from './scout-offer.types';

// Against spam, per project: offers awaiting an answer at once, and offers sent in any 7 days.
export const SCOUT_LIMITS = { pendingPerProject: 20, sentPerProjectPerWeek: 50 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScoutOfferDraft {
  projectId: string;
  participantId: string;
  message: string;
  expiresInDays?: number | null;
}

@Injectable()
export class ScoutOfferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly applications: ApplyingService,
    private readonly policy: PolicyService,
    private readonly events: DomainEventPublisher,
  ) {}

  async send(actor: Actor, draft: ScoutOfferDraft): Promise<ScoutOffer> {
    // The message and expiry are in range already (SendScoutOfferInput, on the trimmed text).
    const { message } = draft;
    const days = draft.expiresInDays ?? SCOUT_EXPIRY_DAYS.default;
    if (draft.participantId === actor.userId) {
      throw AppError.invalidField(['input', 'participantId'], 'you cannot scout yourself');
    }
    const now = new Date();
    let offerId: string;
    try {
      offerId = await this.dataSource.transaction(async (m) => {
        // Sends for one project queue on its row, so concurrent sends cannot pass the limits.
        const project = await this.projects.lockForUpdate(m, draft.projectId);
        if (project.status !== ProjectStatus.PUBLISHED && !this.policy.canSupervise(actor, project))
          throw AppError.notFound('Project', project.id);
        this.policy.assert(
          this.policy.canScoutFor(actor, project),
          "Only the project's region and intermediaries covering its place send scout offers",
        );
        const refusal = notTakingApplications(project);
        if (refusal)
          throw AppError.conflict(
            ConflictReason.NOT_TAKING_APPLICATIONS,
            `${refusal}: it sends no scout offers`,
          );
        const profile = await m
          .getRepository(ParticipantProfile)
          .findOneBy({ userId: draft.participantId });
        // The participant search rule: a profile the sender may not see does not exist for them.
        if (!profile || !this.policy.canViewParticipantProfile(actor, profile.visibility)) {
          throw AppError.notFound('Participant profile', draft.participantId);
        }
        if (!isOpenToKind(project, profile.kind)) {
          throw AppError.invalidField(
            ['input', 'participantId'],
            `the project is not open to ${profile.kind} participants`,
          );
        }
        const senderOrganizationId = this.policy.scoutingOrganizationFor(
          actor,
          project,
          profile.visibility,
        );
        this.policy.assert(
          senderOrganizationId !== undefined,
          "This participant opened their profile to intermediaries only, not to the project's region",
        );
        await this.assertScoutable(m, project.id, profile.userId, now);
        await this.assertWithinLimits(m, project.id, now);
        const inserted = await m.insert(ScoutOffer, {
          projectId: project.id,
          participantId: profile.userId,
          senderOrganizationId,
          sentById: actor.userId,
          message,
          status: ScoutOfferStatus.PENDING,
          expiresAt: new Date(now.getTime() + days * DAY_MS),
        });
        const id = (inserted.identifiers[0] as { id: string }).id;
        await this.events.publish(m, SCOUT_OFFER_RECEIVED, { offerId: id }, [id]);
        return id;
      });
    } catch (error) {
      // Only reachable if a pending offer slipped past the project lock; same answer as above.
      if (isUniqueViolation(error, 'scout_offer_one_pending_key')) throw alreadyPending();
      throw error;
    }
    return this.load(offerId);
  }

  // The addressed participant answers; accepting applies them to the project in the same
  // transaction. The offer's row lock makes a second, concurrent answer see the first.
  async respond(
    actor: Actor,
    offerId: string,
    response: ScoutOfferResponse,
    note?: string | null,
  ): Promise<ScoutOffer> {
    // Its length is checked already (RespondToScoutOfferInput).
    const text = note?.trim() || null;
    const now = new Date();
    await this.dataSource.transaction(async (m) => {
      const accept = response === ScoutOfferResponse.ACCEPT;
      // Accepting locks the project before the offer, in the order send takes them (a send may
      // update an expired offer while holding the project), so the two cannot deadlock. It also
      // keeps the project from closing in between.
      const project = accept ? await this.lockProjectOf(m, offerId) : undefined;
      const offer = await this.lock(m, offerId);
      if (offer.participantId !== actor.userId) {
        await this.assertVisible(m, actor, offer);
        throw AppError.forbidden('Only the participant the offer is addressed to answers it');
      }
      assertOpen(offer, now);
      const changes: Partial<ScoutOffer> = { respondedAt: now, responseNote: text };
      if (project) {
        const refusal = notTakingApplications(project);
        if (refusal)
          throw AppError.conflict(
            ConflictReason.NOT_TAKING_APPLICATIONS,
            `${refusal}: the offer cannot be accepted now`,
          );
        // The participant's kind may have changed since the offer was sent.
        const profile = await m
          .getRepository(ParticipantProfile)
          .findOneByOrFail({ userId: offer.participantId });
        if (!isOpenToKind(project, profile.kind)) {
          throw AppError.conflict(
            ConflictReason.NOT_ELIGIBLE,
            `The project is not open to ${profile.kind} participants`,
          );
        }
        changes.status = ScoutOfferStatus.ACCEPTED;
        [changes.engagementId] = await this.applications.submitWithin(m, [
          {
            projectId: offer.projectId,
            participantId: offer.participantId,
            motivation: text ?? '',
          },
        ]);
      } else {
        changes.status = ScoutOfferStatus.DECLINED;
      }
      await m.update(ScoutOffer, { id: offer.id }, changes);
      await this.events.publish(m, SCOUT_OFFER_ANSWERED, { offerId: offer.id }, [offer.id]);
    });
    return this.load(offerId);
  }

  // Staff of the sending organisation take back an offer that is still open.
  async withdraw(actor: Actor, offerId: string): Promise<ScoutOffer> {
    const now = new Date();
    await this.dataSource.transaction(async (m) => {
      const offer = await this.lock(m, offerId);
      if (!this.policy.canWithdrawScoutOffer(actor, offer.senderOrganizationId)) {
        await this.assertVisible(m, actor, offer);
        throw AppError.forbidden('Only staff of the organisation that sent the offer withdraw it');
      }
      assertOpen(offer, now);
      await m.update(ScoutOffer, { id: offer.id }, { status: ScoutOfferStatus.WITHDRAWN });
    });
    return this.load(offerId);
  }

  // The participant's own offers, newest first.
  mine(
    actor: Actor,
    status: ScoutOfferStatus | null | undefined,
    page: Page,
  ): Promise<Connection<ScoutOffer>> {
    const qb = this.withRelations().where('o.participantId = :userId', { userId: actor.userId });
    return this.paginate(this.filterStatus(qb, status, new Date()), page);
  }

  // For whoever sees the project's applications: its region and intermediaries covering it.
  async forProject(
    actor: Actor,
    projectId: string,
    status: ScoutOfferStatus | null | undefined,
    page: Page,
  ): Promise<Connection<ScoutOffer>> {
    const project = await this.projects.get(actor, projectId);
    this.policy.assert(
      this.policy.canSupervise(actor, project),
      "Only the project's region and supervising intermediaries see its scout offers",
    );
    const qb = this.withRelations().where('o.projectId = :projectId', { projectId });
    return this.paginate(this.filterStatus(qb, status, new Date()), page);
  }

  async load(id: string): Promise<ScoutOffer> {
    const offer = await this.withRelations().where('o.id = :id', { id }).getOne();
    if (!offer) throw AppError.notFound('Scout offer', id);
    return offer;
  }

  // Not for someone who applied, declined this project before, or has an offer open for it.
  private async assertScoutable(
    m: EntityManager,
    projectId: string,
    participantId: string,
    now: Date,
  ): Promise<void> {
    const path = ['input', 'participantId'];
    if (await m.getRepository(Engagement).existsBy({ projectId, participantId })) {
      throw AppError.conflictField(
        ConflictReason.ALREADY_APPLIED,
        path,
        'This participant has already applied to this project',
      );
    }
    const previous = await m.getRepository(ScoutOffer).find({
      where: [
        { projectId, participantId, status: ScoutOfferStatus.PENDING },
        { projectId, participantId, status: ScoutOfferStatus.DECLINED },
      ],
    });
    // A "no" stands: the same project does not ask again.
    if (previous.some((o) => o.status === ScoutOfferStatus.DECLINED)) {
      throw AppError.conflictField(
        ConflictReason.SCOUT_OFFER_DECLINED,
        path,
        'This participant declined an offer for this project',
      );
    }
    const pending = previous.find((o) => o.status === ScoutOfferStatus.PENDING);
    if (pending && scoutOfferStatusAt(pending, now) === ScoutOfferStatus.PENDING) {
      throw alreadyPending();
    }
    if (pending) {
      // Expired: stored as such, so the new offer is the pair's only pending one.
      await m.update(ScoutOffer, { id: pending.id }, { status: ScoutOfferStatus.EXPIRED });
    }
  }

  // Run under the project's row lock, so the counts cannot change before the insert commits.
  private async assertWithinLimits(m: EntityManager, projectId: string, now: Date): Promise<void> {
    const counts = await m
      .getRepository(ScoutOffer)
      .createQueryBuilder('o')
      .select('COUNT(*) FILTER (WHERE o.status = :pending AND o.expiresAt > :now)', 'pending')
      .addSelect('COUNT(*) FILTER (WHERE o.createdAt > :weekAgo)', 'lastWeek')
      .where('o.projectId = :projectId', { projectId })
      .setParameters({
        pending: ScoutOfferStatus.PENDING,
        now,
        weekAgo: new Date(now.getTime() - 7 * DAY_MS),
      })
      .getRawOne<{ pending: string; lastWeek: string }>();
    if (Number(counts?.pending) >= SCOUT_LIMITS.pendingPerProject) {
      throw AppError.conflict(
        ConflictReason.SCOUT_LIMIT_REACHED,
        `This project already has ${SCOUT_LIMITS.pendingPerProject} scout offers awaiting an ` +
          'answer: wait for answers or withdraw some before sending more',
      );
    }
    if (Number(counts?.lastWeek) >= SCOUT_LIMITS.sentPerProjectPerWeek) {
      throw AppError.conflict(
        ConflictReason.SCOUT_LIMIT_REACHED,
        `This project has sent ${SCOUT_LIMITS.sentPerProjectPerWeek} scout offers in the last ` +
          '7 days, the most allowed: try again later',
      );
    }
  }

  // Someone who may not see the offer does not learn that it exists.
  private async assertVisible(m: EntityManager, actor: Actor, offer: ScoutOffer): Promise<void> {
    const project = await m.getRepository(Project).findOneByOrFail({ id: offer.projectId });
    if (
      offer.participantId !== actor.userId &&
      !this.policy.canSupervise(actor, project) &&
      !this.policy.canWithdrawScoutOffer(actor, offer.senderOrganizationId)
    ) {
      throw AppError.notFound('Scout offer', offer.id);
    }
  }

  private async lockProjectOf(m: EntityManager, offerId: string): Promise<Project> {
    const offer = await m
      .getRepository(ScoutOffer)
      .findOne({ where: { id: offerId }, select: { id: true, projectId: true } });
    if (!offer) throw AppError.notFound('Scout offer', offerId);
    return this.projects.lockForUpdate(m, offer.projectId);
  }

  private async lock(m: EntityManager, id: string): Promise<ScoutOffer> {
    const offer = await m
      .getRepository(ScoutOffer)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
    if (!offer) throw AppError.notFound('Scout offer', id);
    return offer;
  }

  // Expiry is derived, so PENDING and EXPIRED depend on the clock.
  private filterStatus(
    qb: SelectQueryBuilder<ScoutOffer>,
    status: ScoutOfferStatus | null | undefined,
    now: Date,
  ): SelectQueryBuilder<ScoutOffer> {
    const params = { pendingStatus: ScoutOfferStatus.PENDING, statusNow: now };
    switch (status) {
      case undefined:
      case null:
        return qb;
      case ScoutOfferStatus.PENDING:
        return qb.andWhere('o.status = :pendingStatus AND o.expiresAt > :statusNow', params);
      case ScoutOfferStatus.EXPIRED:
        return qb.andWhere(
          new Brackets((w) =>
            w
              .where('o.status = :expiredStatus', { expiredStatus: ScoutOfferStatus.EXPIRED })
              .orWhere('(o.status = :pendingStatus AND o.expiresAt <= :statusNow)', params),
          ),
        );
      case ScoutOfferStatus.ACCEPTED:
      case ScoutOfferStatus.DECLINED:
      case ScoutOfferStatus.WITHDRAWN:
        return qb.andWhere('o.status = :status', { status });
    }
  }

  // Only the people's ids and display names: no contact details before an engagement.
  private withRelations(): SelectQueryBuilder<ScoutOffer> {
    return (
      this.dataSource
        .getRepository(ScoutOffer)
        .createQueryBuilder('o')
        // The project's theme, region and skills come from the API's DataLoaders.
        .innerJoinAndSelect('o.project', 'p')
        .innerJoinAndSelect('o.participant', 'profile')
        .innerJoin('profile.user', 'u')
        .addSelect(['u.id', 'u.displayName'])
        .innerJoinAndSelect('o.senderOrganization', 'sender')
        .leftJoin('o.sentBy', 'sentBy')
        .addSelect(['sentBy.id', 'sentBy.displayName'])
    );
  }

  private paginate(
    qb: SelectQueryBuilder<ScoutOffer>,
    page: Page,
  ): Promise<Connection<ScoutOffer>> {
    return paginateKeyset(qb, { ...page, keys: [byTimestamp('o.createdAt'), byId('o.id')] });
  }
}

function alreadyPending(): AppError {
  return AppError.conflictField(
    ConflictReason.SCOUT_OFFER_PENDING,
    ['input', 'participantId'],
    'This participant already has a pending scout offer for this project',
  );
}

// Only a PENDING offer that has not expired can be answered or withdrawn.
function assertOpen(offer: ScoutOffer, now: Date): void {
  const status = scoutOfferStatusAt(offer, now);
  if (status === ScoutOfferStatus.EXPIRED) {
    throw AppError.conflict(
      ConflictReason.EXPIRED,
      'This scout offer expired: it can no longer be answered',
    );
  }
  if (status !== ScoutOfferStatus.PENDING) {
    throw AppError.conflict(ConflictReason.ALREADY_DONE, `This scout offer is already ${status}`);
  }
}
