import { Injectable } from '@nestjs/common';
import { DomainEventPublisher, EventOf, OnEvent, todayInJapan } from '@tsunagu/core';
import { Organization } from '@tsunagu/identity';
import {
  ConsentSubjectKind,
  GUARDIAN_CONSENT_ENDED,
  GuardianConsent,
  GuardianConsents,
} from '@tsunagu/participants';
import { coveringIntermediariesSql, Project } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';
import { EngagementResponseService } from '../applications/engagement-response.service';
import { EngagementEvent } from '../lifecycle/engagement-event.entity';
import { Engagement } from '../lifecycle/engagement.entity';
import {
  ENGAGEMENT_STATUS_CHANGED,
  PARTICIPANT_TIES_CHANGED,
  PROJECT_CANDIDATES_CHANGED,
} from '../lifecycle/engagement-events';
import { CONTACTS_SHARED, EngagementAction, EngagementStatus } from '../lifecycle/engagement-state';

const S = EngagementStatus;
const OVER: readonly EngagementStatus[] = [S.COMPLETED, S.DECLINED, S.WITHDRAWN, S.CANCELLED];
const ANSWERED: readonly EngagementStatus[] = [S.ACCEPTED, S.APPROVED, S.ACTIVE];

// Engagements of participants under 18 and their guardians' consent: asked for when the
// application is made, required before the region accepts or anyone starts it, and the
// engagement stops when the guardian refuses or withdraws.
@Injectable()
export class EngagementGuardianConsent {
  constructor(
    private readonly consents: GuardianConsents,
    private readonly responses: EngagementResponseService,
    private readonly events: DomainEventPublisher,
  ) {}

  // In the transaction that creates the engagement.
  async requestWithin(m: EntityManager, engagementId: string): Promise<GuardianConsent | null> {
    const engagement = await m.getRepository(Engagement).findOneByOrFail({ id: engagementId });
    const project = await m.getRepository(Project).findOneByOrFail({ id: engagement.projectId });
    const region = await m
      .getRepository(Organization)
      .findOneBy({ id: project.regionOrganizationId });
    const supervisors: Array<{ name: string }> = await m.query(
      `SELECT o.name FROM organization o WHERE o.id IN (${coveringIntermediariesSql('$1')}) ORDER BY o.name`,
      [project.id],
    );
    return this.consents.requestWithin(m, {
      participantId: engagement.participantId,
      subjectKind: ConsentSubjectKind.ENGAGEMENT,
      subjectId: engagement.id,
      // Past start dates count from today (in Japan): the child joins from now on.
      startsOn: maxDay(project.startDate, todayInJapan()),
      facts: {
        title: project.title,
        regionName: region?.name ?? null,
        startsOn: project.startDate,
        endsOn: project.endDate,
        supervisorNames: supervisors.map((s) => s.name),
        contactName: supervisors[0]?.name ?? region?.name ?? null,
      },
    });
  }

  // Before ACCEPT and START (EngagementService.transition).
  assertConsentedWithin(m: EntityManager, engagementId: string): Promise<void> {
    return this.consents.assertConsentedWithin(m, ConsentSubjectKind.ENGAGEMENT, engagementId);
  }

  // A refusal withdraws an application still waiting; a withdrawal cancels one the region has
  // answered. Recorded as any transition is, without an actor (the guardian has no account).
  @OnEvent(GUARDIAN_CONSENT_ENDED)
  async stop(m: EntityManager, event: EventOf<typeof GUARDIAN_CONSENT_ENDED>): Promise<void> {
    const { subjectKind, subjectId } = event.payload;
    if (subjectKind !== ConsentSubjectKind.ENGAGEMENT) return;
    const engagement = await m.getRepository(Engagement).findOne({
      where: { id: subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!engagement || OVER.includes(engagement.status)) return;
    const cancel = ANSWERED.includes(engagement.status);
    const to = cancel ? S.CANCELLED : S.WITHDRAWN;
    const reason = "The participant's guardian did not give or withdrew consent";
    const paused = await m
      .getRepository(Project)
      .findOneByOrFail({ id: engagement.projectId })
      .then((p) => p.pausedAt);
    await m.update(
      Engagement,
      { id: engagement.id },
      { status: to, statusReason: reason, statusChangedAt: new Date() },
    );
    const recorded = await m.insert(EngagementEvent, {
      engagementId: engagement.id,
      actorId: null,
      action: cancel ? EngagementAction.CANCEL : EngagementAction.WITHDRAW,
      fromStatus: engagement.status,
      toStatus: to,
      reason,
    });
    const engagementEventId = String((recorded.identifiers[0] as { id: string }).id);
    await this.events.publish(
      m,
      ENGAGEMENT_STATUS_CHANGED,
      { engagementId: engagement.id, engagementEventId },
      [engagementEventId],
    );
    await this.events.publish(m, PROJECT_CANDIDATES_CHANGED, { projectId: engagement.projectId });
    if (CONTACTS_SHARED.includes(engagement.status)) {
      await this.events.publish(m, PARTICIPANT_TIES_CHANGED, {
        participantId: engagement.participantId,
      });
    }
    if (engagement.status === S.SUBMITTED && paused) {
      await this.responses.unpauseAnswered(m, engagement.projectId);
    }
  }
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
