import { Injectable, Logger } from '@nestjs/common';
import { AppError, DomainEventPublisher, isUniqueViolation, ConflictReason } from '@tsunagu/core';
import { Actor, Organization, OrganizationKind, PolicyService } from '@tsunagu/identity';
import { supervisedProjects } from '../remit-scope';
import { DataSource, EntityManager } from 'typeorm';
import { Engagement } from '../lifecycle/engagement.entity';
import {
  EngagementFeedback,
  FeedbackSide,
  FollowUp,
  FollowUpOutcome,
  RegionRelationship,
} from './engagement-relationship.entities';
import { FOLLOW_UP_DUE } from '../lifecycle/engagement-events';
import { EngagementRole, EngagementStatus } from '../lifecycle/engagement-state';
import { EngagementService } from '../lifecycle/engagement.service';

export interface NewEngagementFeedback {
  engagementId: string;
  rating: number;
  comment?: string | null;
}

export interface FollowUpRecord {
  followUpId: string;
  outcomes: FollowUpOutcome[];
  note?: string | null;
}

// Certificate data: who did what, where, when, and the hours the region approved.
export interface EngagementCompletion {
  engagementId: string;
  participantName: string;
  projectId: string;
  projectTitle: string;
  regionOrganizationId: string;
  regionName: string;
  startDate: string | null;
  endDate: string | null;
  approvedHours: number;
  approvedCheckIns: number;
  completedAt: Date;
}

export interface FollowUpSweepOutcome {
  followUps: number;
}

interface CompletionRow {
  id: string;
  status: EngagementStatus;
  status_changed_at: Date;
  start_date: string | null;
  end_date: string | null;
  participant_name: string;
  project_id: string;
  project_title: string;
  region_id: string;
  region_name: string;
  hours: number;
  check_ins: number;
}

// After completion: mutual feedback, the completion record, follow-ups at 3, 6 and 12 months
// and the participant's relationship with each region.
@Injectable()
export class EngagementRelationshipService {
  private readonly logger = new Logger(EngagementRelationshipService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly engagements: EngagementService,
    private readonly policy: PolicyService,
    private readonly events: DomainEventPublisher,
  ) {}

  // The participant gives the PARTICIPANT side, region staff the REGION side; once each.
  async giveFeedback(actor: Actor, input: NewEngagementFeedback): Promise<EngagementFeedback> {
    // The rating and comment are in range already (GiveEngagementFeedbackInput).
    const comment = input.comment?.trim() || null;
    return this.dataSource.transaction(async (m) => {
      const locked = await m.getRepository(Engagement).findOne({
        where: { id: input.engagementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) throw AppError.notFound('Engagement', input.engagementId);
      const roles = await this.rolesOn(actor, input.engagementId, undefined, m);
      const side = roles.has(EngagementRole.PARTICIPANT)
        ? FeedbackSide.PARTICIPANT
        : roles.has(EngagementRole.REGION)
          ? FeedbackSide.REGION
          : null;
      if (!side) throw AppError.forbidden('Only the participant or the region can give feedback');
      if (locked.status !== EngagementStatus.COMPLETED) {
        throw AppError.conflict(
          ConflictReason.WRONG_STATUS,
          `Feedback is given once the engagement is COMPLETED (it is ${locked.status})`,
        );
      }
      const given = await m.getRepository(EngagementFeedback).existsBy({
        engagementId: locked.id,
        side,
      });
      if (given) throw alreadyGiven(side);
      try {
        const saved = await m.getRepository(EngagementFeedback).save({
          engagementId: locked.id,
          side,
          rating: input.rating,
          comment,
          authorId: actor.userId,
        });
        return await m
          .getRepository(EngagementFeedback)
          .findOneOrFail({ where: { id: saved.id }, relations: { author: true } });
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyGiven(side);
        throw error;
      }
    });
  }

  // Both sides' feedback, for the participant, the region and supervising intermediaries.
  async feedback(actor: Actor, engagementId: string): Promise<EngagementFeedback[]> {
    await this.rolesOn(actor, engagementId);
    return this.dataSource.getRepository(EngagementFeedback).find({
      where: { engagementId },
      relations: { author: true },
      order: { side: 'ASC' },
    });
  }

  async completion(actor: Actor, engagementId: string): Promise<EngagementCompletion> {
    await this.rolesOn(actor, engagementId);
    const [row]: CompletionRow[] = await this.dataSource.query(
      `SELECT a.id, a.status, a.status_changed_at, a.terms->>'startDate' AS start_date,
              a.terms->>'endDate' AS end_date, u.display_name AS participant_name,
              p.id AS project_id, p.title AS project_title, o.id AS region_id, o.name AS region_name,
              coalesce(sum(c.hours) FILTER (WHERE c.approved_at IS NOT NULL), 0)::float AS hours,
              count(c.id) FILTER (WHERE c.approved_at IS NOT NULL)::int AS check_ins
         FROM engagement a
         JOIN project p ON p.id = a.project_id
         JOIN organization o ON o.id = p.region_organization_id
         JOIN "user" u ON u.id = a.participant_id
         LEFT JOIN engagement_check_in c ON c.engagement_id = a.id
        WHERE a.id = $1
        GROUP BY a.id, u.id, p.id, o.id`,
      [engagementId],
    );
    if (row.status !== EngagementStatus.COMPLETED) {
      throw AppError.conflict(
        ConflictReason.WRONG_STATUS,
        `The completion record exists once the engagement is COMPLETED (it is ${row.status})`,
      );
    }
    return {
      engagementId: row.id,
      participantName: row.participant_name,
      projectId: row.project_id,
      projectTitle: row.project_title,
      regionOrganizationId: row.region_id,
      regionName: row.region_name,
      startDate: row.start_date,
      endDate: row.end_date,
      approvedHours: Math.round(row.hours * 10) / 10,
      approvedCheckIns: row.check_ins,
      completedAt: row.status_changed_at,
    };
  }

  // The participant or a supervising intermediary records what happened, once it is due.
  async recordFollowUp(actor: Actor, input: FollowUpRecord): Promise<FollowUp> {
    // The outcomes and note are checked already (RecordFollowUpInput).
    const { outcomes } = input;
    const note = input.note?.trim() || null;
    const missing = () => AppError.notFound('Follow-up', input.followUpId);
    const id = await this.dataSource.transaction(async (m) => {
      const followUp = await m.getRepository(FollowUp).findOne({
        where: { id: input.followUpId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!followUp) throw missing();
      const roles = await this.rolesOn(actor, followUp.engagementId, missing, m);
      if (!roles.has(EngagementRole.PARTICIPANT) && !roles.has(EngagementRole.INTERMEDIARY)) {
        throw AppError.forbidden(
          'Only the participant or a supervising intermediary can record a follow-up',
        );
      }
      if (followUp.recordedAt)
        throw AppError.conflict(ConflictReason.ALREADY_DONE, 'This follow-up is already recorded');
      const now = new Date();
      if (followUp.dueAt > now) {
        throw AppError.conflict(
          ConflictReason.NOT_DUE_YET,
          `This follow-up is not due until ${followUp.dueAt.toISOString().slice(0, 10)}`,
        );
      }
      await m.update(
        FollowUp,
        { id: followUp.id },
        { outcomes, note, recordedById: actor.userId, recordedAt: now },
      );
      // Losing touch is news, not contact.
      const contact = outcomes.some((o) => o !== FollowUpOutcome.LOST_TOUCH);
      await m.query(
        `UPDATE region_relationship r
            SET last_outcomes = $2::follow_up_outcome[],
                last_contact_at = CASE WHEN $3 THEN greatest(r.last_contact_at, $4)
                                       ELSE r.last_contact_at END
           FROM engagement a JOIN project p ON p.id = a.project_id
          WHERE a.id = $1 AND r.participant_id = a.participant_id
            AND r.region_organization_id = p.region_organization_id`,
        [followUp.engagementId, outcomes, contact, now],
      );
      return followUp.id;
    });
    return this.followUpsQuery().where('f.id = :id', { id }).getOneOrFail();
  }

  // The participant's follow-ups, the soonest due first.
  myFollowUps(actor: Actor): Promise<FollowUp[]> {
    return this.followUpsQuery()
      .where('a.participantId = :me', { me: actor.userId })
      .orderBy('f.dueAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  // Due, unrecorded follow-ups of engagements in the intermediary's remit, the oldest first.
  dueFollowUps(actor: Actor): Promise<FollowUp[]> {
    const scope = supervisedProjects(
      this.policy,
      actor,
      'Only intermediary staff follow up on engagements',
    );
    return this.followUpsQuery()
      .where('f.recordedAt IS NULL AND f.dueAt <= now()')
      .andWhere(scope.condition, scope.parameters)
      .orderBy('f.dueAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  myRegionRelationships(actor: Actor): Promise<RegionRelationship[]> {
    return this.relationshipsQuery()
      .where('r.participantId = :me', { me: actor.userId })
      .orderBy('r.lastContactAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  // Counts only, for the region's public page: completed engagements, the people behind them and
  // those who came back (a second completed engagement, or a follow-up that recorded a revisit or
  // a new engagement).
  async regionSummary(regionOrganizationId: string): Promise<{
    completedEngagements: number;
    participants: number;
    returningParticipants: number;
  }> {
    const [row] = await this.dataSource.query<
      Array<{ completed: string; participants: string; returning: string }>
    >(
      `SELECT coalesce(sum(r.engagements_completed), 0) AS completed,
              count(*) AS participants,
              count(*) FILTER (WHERE r.engagements_completed >= 2 OR EXISTS (
                SELECT 1 FROM follow_up f
                  JOIN engagement e ON e.id = f.engagement_id
                  JOIN project p ON p.id = e.project_id
                 WHERE e.participant_id = r.participant_id
                   AND p.region_organization_id = r.region_organization_id
                   AND f.outcomes && $2::follow_up_outcome[])) AS returning
         FROM region_relationship r
        WHERE r.region_organization_id = $1`,
      [regionOrganizationId, [FollowUpOutcome.REVISITED, FollowUpOutcome.NEW_ENGAGEMENT]],
    );
    return {
      completedEngagements: Number(row.completed),
      participants: Number(row.participants),
      returningParticipants: Number(row.returning),
    };
  }

  // For the region's staff and intermediaries covering it; nobody else learns it exists.
  async regionRelationships(
    actor: Actor,
    regionOrganizationId: string,
  ): Promise<RegionRelationship[]> {
    const region = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: regionOrganizationId, kind: OrganizationKind.REGION });
    const allowed =
      region &&
      (this.policy.membership(actor, region.id) ||
        (region.municipalityCode &&
          this.policy.coversMunicipality(actor, region.municipalityCode)));
    if (!allowed) throw AppError.notFound('Region', regionOrganizationId);
    return this.relationshipsQuery()
      .where('r.regionOrganizationId = :id', { id: region.id })
      .orderBy('r.lastContactAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  // Tells the participant and the supervisor when a follow-up falls due, once: notifiedAt is set
  // in the transaction that records the event, so re-runs (and concurrent runs) are no-ops.
  async notifyDueFollowUps(): Promise<FollowUpSweepOutcome> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT f.id FROM follow_up f
        WHERE f.due_at <= now() AND f.recorded_at IS NULL AND f.notified_at IS NULL
        ORDER BY f.due_at, f.id`,
    );
    const outcome: FollowUpSweepOutcome = { followUps: 0 };
    for (const { id } of due) {
      await this.dataSource.transaction(async (m) => {
        // An UPDATE … RETURNING through TypeORM answers [rows, affected count].
        const [claimed] = await m.query<[unknown[], number]>(
          `UPDATE follow_up SET notified_at = now()
            WHERE id = $1 AND notified_at IS NULL AND recorded_at IS NULL RETURNING id`,
          [id],
        );
        if (claimed.length === 0) return;
        await this.events.publish(m, FOLLOW_UP_DUE, { followUpId: id }, [id]);
        outcome.followUps += 1;
      });
    }
    if (outcome.followUps) this.logger.log(`${outcome.followUps} follow-up(s) fell due`);
    return outcome;
  }

  private followUpsQuery() {
    return this.dataSource
      .getRepository(FollowUp)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.engagement', 'a')
      .innerJoinAndSelect('a.project', 'p')
      .leftJoinAndSelect('f.recordedBy', 'rb');
  }

  private relationshipsQuery() {
    return this.dataSource
      .getRepository(RegionRelationship)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.participant', 'u')
      .innerJoinAndSelect('r.regionOrganization', 'o');
  }

  // The actor's roles on the engagement; none (or no engagement) is NOT_FOUND. Inside a
  // transaction, pass its manager: a second connection here is how the pool once froze.
  private async rolesOn(
    actor: Actor,
    engagementId: string,
    missing?: () => AppError,
    m?: EntityManager,
  ): Promise<Set<EngagementRole>> {
    return (await this.engagements.findFor(actor, engagementId, missing, m)).roles;
  }
}

function alreadyGiven(side: FeedbackSide): AppError {
  return AppError.conflict(
    ConflictReason.ALREADY_DONE,
    side === FeedbackSide.PARTICIPANT
      ? 'The participant has already given feedback on this engagement'
      : 'The region has already given feedback on this engagement',
  );
}
