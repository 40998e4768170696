import { Injectable } from '@nestjs/common';
import { DomainEventPublisher, OnEvent, PersonalDataOf } from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { ACCOUNT_DELETED } from '@tsunagu/identity';
import { EntityManager, In } from 'typeorm';
import { EngagementFeedback } from './relationships/engagement-relationship.entities';
import { EngagementEvent } from './lifecycle/engagement-event.entity';
import {
  ENGAGEMENT_STATUS_CHANGED,
  PROJECT_CANDIDATES_CHANGED,
} from './lifecycle/engagement-events';
import { Engagement } from './lifecycle/engagement.entity';
import { EngagementAction, EngagementStatus } from './lifecycle/engagement-state';
import { ScoutOffer, ScoutOfferStatus } from './scouting/scout-offer.entity';
import { EngagementResponseService } from './applications/engagement-response.service';

// Applications nobody has answered yet: withdrawn when their participant leaves.
const PENDING: EngagementStatus[] = [EngagementStatus.SUBMITTED, EngagementStatus.INTERVIEW];

// The engagements context's part of the account's data: its export and its erasure.
@Injectable()
export class EngagementAccountData {
  constructor(
    private readonly events: DomainEventPublisher,
    private readonly responses: EngagementResponseService,
  ) {}

  // Everything about the person's applications and engagements. Staff appear by organisation
  // only; the history says which steps were the person's own.
  @PersonalDataOf('engagements')
  async engagements(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT e.id, json_build_object('id', p.id, 'title', p.title) AS project,
              r.name AS region, e.status, e.motivation, e.interview, e.terms,
              e.status_reason AS "statusReason", e.status_changed_at AS "statusChangedAt",
              e.created_at AS "createdAt",
              COALESCE((SELECT json_agg(json_build_object('action', h.action, 'from', h.from_status,
                  'to', h.to_status, 'reason', h.reason, 'at', h.created_at,
                  'byYou', h.actor_id IS NOT DISTINCT FROM e.participant_id) ORDER BY h.id)
                FROM engagement_event h WHERE h.engagement_id = e.id), '[]') AS history,
              COALESCE((SELECT json_agg(json_build_object('summary', c.summary, 'hours', c.hours,
                  'mood', c.mood, 'blocked', c.blocked, 'approvedAt', c.approved_at,
                  'at', c.created_at) ORDER BY c.created_at)
                FROM engagement_check_in c WHERE c.engagement_id = e.id), '[]') AS "checkIns",
              COALESCE((SELECT json_agg(json_build_object('title', ms.title, 'dueDate', ms.due_date,
                  'doneAt', ms.done_at) ORDER BY ms.due_date)
                FROM engagement_milestone ms WHERE ms.engagement_id = e.id), '[]') AS milestones,
              COALESCE((SELECT json_agg(json_build_object('side', f.side, 'rating', f.rating,
                  'comment', f.comment, 'at', f.created_at) ORDER BY f.created_at)
                FROM engagement_feedback f WHERE f.engagement_id = e.id), '[]') AS feedback,
              COALESCE((SELECT json_agg(json_build_object('dueMonths', fu.due_months,
                  'dueAt', fu.due_at, 'outcomes', fu.outcomes, 'note', fu.note,
                  'recordedAt', fu.recorded_at) ORDER BY fu.due_months)
                FROM follow_up fu WHERE fu.engagement_id = e.id), '[]') AS "followUps"
         FROM engagement e
         JOIN project p ON p.id = e.project_id
         JOIN organization r ON r.id = p.region_organization_id
        WHERE e.participant_id = $1
        ORDER BY e.created_at`,
      [userId],
    );
  }

  @PersonalDataOf('activityDays')
  async activityDays(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT json_build_object('id', p.id, 'title', p.title) AS project,
              d.starts_at AS "startsAt", d.ends_at AS "endsAt", d.meeting_point AS "meetingPoint",
              s.status, s.signed_up_at AS "signedUpAt", s.cancelled_at AS "cancelledAt",
              s.attended
         FROM activity_day_signup s
         JOIN activity_day d ON d.id = s.activity_day_id
         JOIN engagement a ON a.id = s.engagement_id
         JOIN project p ON p.id = d.project_id
        WHERE a.participant_id = $1
        ORDER BY d.starts_at, s.id`,
      [userId],
    );
  }

  @PersonalDataOf('scoutOffers')
  async scoutOffers(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT s.id, json_build_object('id', p.id, 'title', p.title) AS project,
              o.name AS "sentBy", s.message, s.status, s.expires_at AS "expiresAt",
              s.responded_at AS "respondedAt", s.response_note AS "responseNote",
              s.created_at AS "createdAt"
         FROM scout_offer s
         JOIN project p ON p.id = s.project_id
         JOIN organization o ON o.id = s.sender_organization_id
        WHERE s.participant_id = $1
        ORDER BY s.created_at`,
      [userId],
    );
  }

  @PersonalDataOf('regionRelationships')
  async regionRelationships(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT o.name AS region, rr.first_engagement_at AS "firstEngagementAt",
              rr.engagements_completed AS "engagementsCompleted",
              rr.last_outcomes AS "lastOutcomes", rr.last_contact_at AS "lastContactAt"
         FROM region_relationship rr
         JOIN organization o ON o.id = rr.region_organization_id
        WHERE rr.participant_id = $1
        ORDER BY rr.first_engagement_at`,
      [userId],
    );
  }

  // Pending applications are withdrawn and pending scout offers declined, so no region waits
  // on someone who left (each as EngagementService.transition records a withdrawal: keep the two
  // alike). Engagement records stay for the regions and intermediaries (dates, hours, states,
  // KPIs) with the person's own words removed.
  @OnEvent(ACCOUNT_DELETED)
  async erase(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    const { userId } = event.payload;
    const now = new Date();
    const pending = await m.getRepository(Engagement).find({
      where: { participantId: userId, status: In(PENDING) },
      lock: { mode: 'pessimistic_write' },
      order: { id: 'ASC' },
    });
    for (const engagement of pending) {
      await m.update(
        Engagement,
        { id: engagement.id },
        { status: EngagementStatus.WITHDRAWN, statusChangedAt: now },
      );
      const recorded = await m.insert(EngagementEvent, {
        engagementId: engagement.id,
        actorId: userId,
        action: EngagementAction.WITHDRAW,
        fromStatus: engagement.status,
        toStatus: EngagementStatus.WITHDRAWN,
        reason: null,
      });
      const engagementEventId = String((recorded.identifiers[0] as { id: string }).id);
      await this.events.publish(
        m,
        ENGAGEMENT_STATUS_CHANGED,
        { engagementId: engagement.id, engagementEventId },
        [engagementEventId],
      );
    }
    for (const projectId of new Set(pending.map((e) => e.projectId))) {
      await this.events.publish(m, PROJECT_CANDIDATES_CHANGED, { projectId });
      // A withdrawal may take away a project's last overdue application: it goes back into search
      // now, as after a withdrawal through the API, not at the next sweep.
      if (
        pending.some((e) => e.projectId === projectId && e.status === EngagementStatus.SUBMITTED)
      ) {
        await this.responses.unpauseAnswered(m, projectId);
      }
    }
    await m.update(
      ScoutOffer,
      { participantId: userId, status: ScoutOfferStatus.PENDING },
      { status: ScoutOfferStatus.DECLINED, respondedAt: now, responseNote: null },
    );
    await m.update(Engagement, { participantId: userId }, { motivation: '' });
    await m.update(EngagementFeedback, { authorId: userId }, { comment: null });
  }
}
