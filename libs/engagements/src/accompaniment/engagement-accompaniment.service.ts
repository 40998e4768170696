import { Injectable } from '@nestjs/common';
import { AppError, ConflictReason } from '@tsunagu/core';
import { Actor, OrganizationKind } from '@tsunagu/identity';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Engagement } from '../lifecycle/engagement.entity';
import {
  EngagementCheckIn,
  EngagementMilestone,
  EngagementNote,
  EngagementNoteVisibility,
} from './engagement-accompaniment.entities';
import { EngagementRole, EngagementStatus, whoMay } from '../lifecycle/engagement-state';
import { EngagementService } from '../lifecycle/engagement.service';

export interface NewCheckIn {
  engagementId: string;
  summary: string;
  hours: number;
  mood?: number | null;
  blocked?: boolean | null;
}

export interface NewEngagementNote {
  engagementId: string;
  visibility: EngagementNoteVisibility;
  body: string;
}

export interface NewMilestone {
  engagementId: string;
  title: string;
  dueDate: string;
}

// Accompaniment while an engagement runs: the participant's check-ins, the region's approval of
// their hours, notes (the intermediary's private ones seen by intermediary staff only) and
// milestones. Who may do what follows the engagement roles.
@Injectable()
export class EngagementAccompanimentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engagements: EngagementService,
  ) {}

  async addCheckIn(actor: Actor, input: NewCheckIn): Promise<EngagementCheckIn> {
    // Summary, hours and mood are in range already (AddCheckInInput).
    const mood = input.mood ?? null;
    return this.dataSource.transaction(async (m) => {
      await this.lockActive(m, actor, input.engagementId, [EngagementRole.PARTICIPANT], 'check in');
      const saved = await m.getRepository(EngagementCheckIn).save({
        engagementId: input.engagementId,
        participantId: actor.userId,
        summary: input.summary,
        hours: input.hours,
        mood,
        blocked: input.blocked ?? false,
      });
      return m.getRepository(EngagementCheckIn).findOneByOrFail({ id: saved.id });
    });
  }

  // The region confirms the hours of a check-in; from then on they count.
  async approveCheckInHours(actor: Actor, checkInId: string): Promise<EngagementCheckIn> {
    return this.dataSource.transaction(async (m) => {
      const checkIn = await m.getRepository(EngagementCheckIn).findOne({
        where: { id: checkInId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!checkIn) throw AppError.notFound('Check-in', checkInId);
      const { roles } = await this.engagements.findFor(
        actor,
        checkIn.engagementId,
        () => AppError.notFound('Check-in', checkInId),
        m,
      );
      requireRole(roles, [EngagementRole.REGION], 'approve hours');
      if (checkIn.approvedAt)
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'These hours are already approved');
      await m.update(
        EngagementCheckIn,
        { id: checkIn.id },
        { approvedAt: new Date(), approvedById: actor.userId },
      );
      return m
        .getRepository(EngagementCheckIn)
        .findOneOrFail({ where: { id: checkIn.id }, relations: { approvedBy: true } });
    });
  }

  async checkIns(actor: Actor, engagementId: string): Promise<EngagementCheckIn[]> {
    await this.visible(actor, engagementId);
    return this.dataSource.getRepository(EngagementCheckIn).find({
      where: { engagementId },
      relations: { participant: true, approvedBy: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  // Region-shared notes by region or intermediary staff; private notes by intermediary staff only.
  async addNote(actor: Actor, input: NewEngagementNote): Promise<EngagementNote> {
    const { application, roles } = await this.engagements.findFor(actor, input.engagementId);
    const writers =
      input.visibility === EngagementNoteVisibility.INTERMEDIARY_PRIVATE
        ? [EngagementRole.INTERMEDIARY]
        : [EngagementRole.REGION, EngagementRole.INTERMEDIARY];
    requireRole(roles, writers, 'write this kind of note');
    const saved = await this.dataSource.getRepository(EngagementNote).save({
      engagementId: application.id,
      authorId: actor.userId,
      visibility: input.visibility,
      body: input.body,
    });
    return this.dataSource
      .getRepository(EngagementNote)
      .findOneOrFail({ where: { id: saved.id }, relations: { author: true } });
  }

  // A private note stays within the intermediary organisation whose staff wrote it: another
  // intermediary whose remit also covers the place does not see it, nor do participant and region.
  async notes(actor: Actor, engagementId: string): Promise<EngagementNote[]> {
    await this.visible(actor, engagementId);
    const intermediaries = actor.memberships
      .filter((m) => m.organizationKind === OrganizationKind.INTERMEDIARY)
      .map((m) => m.organizationId);
    return this.dataSource
      .getRepository(EngagementNote)
      .createQueryBuilder('n')
      .leftJoinAndSelect('n.author', 'author')
      .where('n.engagementId = :engagementId', { engagementId })
      .andWhere(
        new Brackets((qb) =>
          qb
            .where('n.visibility = :shared', { shared: EngagementNoteVisibility.REGION_SHARED })
            .orWhere(
              `EXISTS (SELECT 1 FROM membership m WHERE m.user_id = n.author_id
               AND m.organization_id = ANY(:intermediaries))`,
              { intermediaries },
            ),
        ),
      )
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .getMany();
  }

  async addMilestone(actor: Actor, input: NewMilestone): Promise<EngagementMilestone> {
    // The title and dueDate are checked already (AddMilestoneInput).
    return this.dataSource.transaction(async (m) => {
      await this.lockActive(
        m,
        actor,
        input.engagementId,
        [EngagementRole.REGION, EngagementRole.INTERMEDIARY],
        'add a milestone to',
      );
      const saved = await m.getRepository(EngagementMilestone).save({
        engagementId: input.engagementId,
        title: input.title,
        dueDate: input.dueDate,
        createdById: actor.userId,
      });
      return m.getRepository(EngagementMilestone).findOneByOrFail({ id: saved.id });
    });
  }

  // Anyone on the engagement can tick a milestone off, once.
  async completeMilestone(actor: Actor, milestoneId: string): Promise<EngagementMilestone> {
    return this.dataSource.transaction(async (m) => {
      const milestone = await m.getRepository(EngagementMilestone).findOne({
        where: { id: milestoneId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!milestone) throw AppError.notFound('Milestone', milestoneId);
      await this.lockActive(
        m,
        actor,
        milestone.engagementId,
        [EngagementRole.PARTICIPANT, EngagementRole.REGION, EngagementRole.INTERMEDIARY],
        'complete a milestone of',
        () => AppError.notFound('Milestone', milestoneId),
      );
      if (milestone.doneAt)
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'This milestone is already done');
      await m.update(EngagementMilestone, { id: milestone.id }, { doneAt: new Date() });
      return m.getRepository(EngagementMilestone).findOneByOrFail({ id: milestone.id });
    });
  }

  async milestones(actor: Actor, engagementId: string): Promise<EngagementMilestone[]> {
    await this.visible(actor, engagementId);
    return this.dataSource.getRepository(EngagementMilestone).find({
      where: { engagementId },
      order: { dueDate: 'ASC', createdAt: 'ASC' },
    });
  }

  // The engagement, row-locked against a concurrent transition, when the actor has one of
  // `roles` on it and it is ACTIVE.
  private async lockActive(
    m: EntityManager,
    actor: Actor,
    engagementId: string,
    roles: EngagementRole[],
    verb: string,
    missing = () => AppError.notFound('Engagement', engagementId),
  ): Promise<void> {
    const locked = await m.getRepository(Engagement).findOne({
      where: { id: engagementId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!locked) throw missing();
    const { roles: has } = await this.engagements.findFor(actor, engagementId, missing, m);
    requireRole(has, roles, verb);
    if (locked.status !== EngagementStatus.ACTIVE) {
      throw AppError.conflict(
        ConflictReason.WRONG_STATUS,
        `Cannot ${verb} an engagement that is ${locked.status} (only while ACTIVE)`,
      );
    }
  }

  // The engagement when the actor has any role on it, else NOT_FOUND.
  private async visible(actor: Actor, engagementId: string): Promise<void> {
    await this.engagements.findFor(actor, engagementId);
  }
}

function requireRole(has: ReadonlySet<EngagementRole>, roles: EngagementRole[], verb: string) {
  if (!roles.some((role) => has.has(role))) {
    throw AppError.forbidden(`Only ${whoMay(roles)} can ${verb}`);
  }
}
