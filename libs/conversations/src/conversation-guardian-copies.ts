import { Injectable } from '@nestjs/common';
import { EventOf, OnEvent } from '@tsunagu/core';
import { GuardianConsents } from '@tsunagu/participants';
import { coveringIntermediariesSql } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';
import { MESSAGE_POSTED } from './conversation-events';
import { ConversationRole } from './conversation.entities';

interface PostedFacts {
  engagement_id: string | null;
  author_role: ConversationRole;
  body: string;
  sender: string | null;
}

// Contact with a participant under 18 goes through their guardian: what the region or an
// intermediary writes in an engagement's thread is copied to the guardian (the guardians' rules
// decide whether and how), in the message's transaction, so each message is copied once.
@Injectable()
export class ConversationGuardianCopies {
  constructor(private readonly consents: GuardianConsents) {}

  @OnEvent(MESSAGE_POSTED)
  async posted(m: EntityManager, { payload }: EventOf<typeof MESSAGE_POSTED>): Promise<void> {
    // The sender's organisation: the region, or the author's covering intermediary.
    const [facts] = await m.query<PostedFacts[]>(
      `SELECT c.engagement_id, msg.author_role, msg.body,
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
    if (!facts?.engagement_id || facts.author_role === ConversationRole.PARTICIPANT) return;
    await this.consents.copyMessageWithin(m, {
      messageId: payload.messageId,
      engagementId: facts.engagement_id,
      senderOrganization: facts.sender ?? '',
      body: facts.body,
    });
  }
}
