import { Injectable } from '@nestjs/common';
import { AudienceOf, EventAudience, EventOf, Recipient, RecipientRole } from '@tsunagu/core';
import { projectStaff } from '@tsunagu/projects';
import { DataSource } from 'typeorm';
import { MESSAGE_POSTED } from './conversation-events';

interface MessageFacts {
  conversation_id: string;
  engagement_id: string | null;
  scout_offer_id: string | null;
  author_id: string | null;
  author: string | null;
  project_id: string;
  project: string;
  region_id: string;
  participant_id: string;
}

// Who hears of a message: every other party of the thread, once each (someone who is both the
// region's and a covering intermediary's staff hears as the region). No webhook receives
// messages: what people write to each other stays between them. Nor does the notification quote
// the words (they would outlive the message's erasure in the stored notifications and the
// event): it names the author and links to the thread.
@Injectable()
export class ConversationAudiences {
  constructor(private readonly dataSource: DataSource) {}

  @AudienceOf(MESSAGE_POSTED)
  async posted({ payload }: EventOf<typeof MESSAGE_POSTED>): Promise<EventAudience | null> {
    const [m] = await this.dataSource.query<MessageFacts[]>(
      `SELECT c.id AS conversation_id, c.engagement_id, c.scout_offer_id, c.participant_id,
              msg.author_id, u.display_name AS author,
              p.id AS project_id, p.title AS project, p.region_organization_id AS region_id
         FROM conversation_message msg
         JOIN conversation c ON c.id = msg.conversation_id
         JOIN project p ON p.id = c.project_id
         LEFT JOIN "user" u ON u.id = msg.author_id
        WHERE msg.id = $1`,
      [payload.messageId],
    );
    if (!m) return null;
    const staff = await projectStaff(this.dataSource, {
      id: m.project_id,
      regionOrganizationId: m.region_id,
    });
    const everyone: Recipient[] = [
      { userId: m.participant_id, role: RecipientRole.PARTICIPANT },
      ...staff.recipients,
    ];
    const seen = new Set<string>(m.author_id ? [m.author_id] : []);
    const recipients = everyone.filter((r) => !seen.has(r.userId) && seen.add(r.userId));
    const links: Record<string, string> = {
      conversationId: m.conversation_id,
      projectId: m.project_id,
    };
    if (m.engagement_id) links.engagementId = m.engagement_id;
    if (m.scout_offer_id) links.scoutOfferId = m.scout_offer_id;
    return {
      vars: { author: m.author ?? '', project: m.project },
      links,
      recipients,
      organizationIds: [],
    };
  }
}
