import { Injectable } from '@nestjs/common';
import { EventOf, OnEvent } from '@tsunagu/core';
import { SCOUT_OFFER_RECEIVED } from '@tsunagu/engagements';
import { GuardianConsents } from '@tsunagu/participants';
import { coveringIntermediariesSql } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';
import { MESSAGE_POSTED } from './conversation-events';
import { ConversationRole } from './conversation.entities';

interface PostedFacts {
  engagement_id: string | null;
  scout_offer_id: string | null;
  participant_id: string;
  project_title: string;
  author_role: ConversationRole;
  body: string;
  sender: string | null;
}

interface OfferFacts {
  participant_id: string;
  project_title: string;
  message: string;
  sender: string;
}

// Contact with a participant under 18 goes through their guardian: what the region or an
// intermediary writes to them (a scout offer, a message in an engagement's or a scout offer's
// thread) is copied to the guardian (the guardians' rules decide whether and how), in the
// sending transaction, so each is copied once.
@Injectable()
export class ConversationGuardianCopies {
  constructor(private readonly consents: GuardianConsents) {}

  @OnEvent(SCOUT_OFFER_RECEIVED)
  async scouted(
    m: EntityManager,
    { payload }: EventOf<typeof SCOUT_OFFER_RECEIVED>,
  ): Promise<void> {
    const [offer] = await m.query<OfferFacts[]>(
      `SELECT s.participant_id, p.title AS project_title, s.message, o.name AS sender
         FROM scout_offer s
         JOIN project p ON p.id = s.project_id
         JOIN organization o ON o.id = s.sender_organization_id
        WHERE s.id = $1`,
      [payload.offerId],
    );
    if (!offer) return;
    await this.consents.copyScoutWordsWithin(m, {
      participantId: offer.participant_id,
      scoutOfferId: payload.offerId,
      messageId: null,
      projectTitle: offer.project_title,
      senderOrganization: offer.sender,
      body: offer.message,
    });
  }

  @OnEvent(MESSAGE_POSTED)
  async posted(m: EntityManager, { payload }: EventOf<typeof MESSAGE_POSTED>): Promise<void> {
    // The sender's organisation: the region, or the author's covering intermediary.
    const [facts] = await m.query<PostedFacts[]>(
      `SELECT c.engagement_id, c.scout_offer_id, c.participant_id, p.title AS project_title,
              msg.author_role, msg.body,
              CASE WHEN msg.author_role = 'REGION'
                   THEN (SELECT o.name FROM organization o WHERE o.id = p.region_organization_id)
                   ELSE (SELECT o.name FROM membership mb JOIN organization o ON o.id = mb.organization_id
                          WHERE mb.user_id = msg.author_id
                            AND o.id IN (${coveringIntermediariesSql('p.id')})
                          ORDER BY o.name LIMIT 1)
              END AS sender
         FROM conversation_message msg
         JOIN conversation c ON c.id = msg.conversation_id
         JOIN project p ON p.id = c.project_id
        WHERE msg.id = $1`,
      [payload.messageId],
    );
    if (!facts || facts.author_role === ConversationRole.PARTICIPANT) return;
    if (facts.engagement_id) {
      await this.consents.copyMessageWithin(m, {
        messageId: payload.messageId,
        engagementId: facts.engagement_id,
        senderOrganization: facts.sender ?? '',
        body: facts.body,
      });
    } else if (facts.scout_offer_id) {
      await this.consents.copyScoutWordsWithin(m, {
        participantId: facts.participant_id,
        scoutOfferId: facts.scout_offer_id,
        messageId: payload.messageId,
        projectTitle: facts.project_title,
        senderOrganization: facts.sender ?? '',
        body: facts.body,
      });
    }
  }
}
