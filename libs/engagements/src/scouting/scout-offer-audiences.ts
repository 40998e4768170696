import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, RecipientRole } from '@tsunagu/core';
import { staffRecipients } from '@tsunagu/identity';
import { DataSource } from 'typeorm';
import { SCOUT_OFFER_ANSWERED, SCOUT_OFFER_RECEIVED } from './scout-offer-events';

interface OfferFacts {
  id: string;
  status: string;
  message: string;
  participant_id: string;
  sender_organization_id: string;
  project_id: string;
  project: string;
  region: string;
  participant: string;
}

// Who hears of scout offers: the participant scouted, then the region that sent the offer.
@Injectable()
export class ScoutOfferAudiences {
  constructor(private readonly dataSource: DataSource) {}

  @AudienceOf(SCOUT_OFFER_RECEIVED)
  async received({ payload }: EventOf<typeof SCOUT_OFFER_RECEIVED>): Promise<EventAudience | null> {
    const offer = await this.offer(payload.offerId);
    if (!offer) return null;
    return {
      vars: { project: offer.project, region: offer.region, message: offer.message },
      links: { projectId: offer.project_id, scoutOfferId: offer.id },
      recipients: [{ userId: offer.participant_id, role: RecipientRole.PARTICIPANT }],
      organizationIds: [offer.sender_organization_id],
    };
  }

  @AudienceOf(SCOUT_OFFER_ANSWERED)
  async answered({ payload }: EventOf<typeof SCOUT_OFFER_ANSWERED>): Promise<EventAudience | null> {
    const offer = await this.offer(payload.offerId);
    if (!offer) return null;
    return {
      vars: { participant: offer.participant, project: offer.project, answer: offer.status },
      links: { projectId: offer.project_id, scoutOfferId: offer.id },
      recipients: await staffRecipients(
        this.dataSource,
        [offer.sender_organization_id],
        RecipientRole.REGION,
      ),
      organizationIds: [offer.sender_organization_id],
    };
  }

  private async offer(id: string): Promise<OfferFacts | undefined> {
    const [row] = await this.dataSource.query<OfferFacts[]>(
      `SELECT s.id, s.status, s.message, s.participant_id, s.sender_organization_id,
              p.id AS project_id, p.title AS project, o.name AS region,
              u.display_name AS participant
         FROM scout_offer s
         JOIN project p ON p.id = s.project_id
         JOIN organization o ON o.id = s.sender_organization_id
         JOIN "user" u ON u.id = s.participant_id
        WHERE s.id = $1`,
      [id],
    );
    return row;
  }
}
