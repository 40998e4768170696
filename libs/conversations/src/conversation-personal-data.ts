import { Injectable } from '@nestjs/common';
import { OnEvent, PersonalDataOf } from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { ACCOUNT_DELETED } from '@tsunagu/identity';
import { EntityManager } from 'typeorm';

// What a departed member wrote stays in the thread as a gap, so the others' answers keep their
// place; the words themselves are erased (APPI).
export const ERASED_MESSAGE = '（退会により削除されました） / (Removed: the member left)';

// The conversations' part of the account's data: the messages the person wrote, and their erasure.
@Injectable()
export class ConversationPersonalData {
  @PersonalDataOf('messages')
  async export(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT c.id AS "conversationId", json_build_object('id', p.id, 'title', p.title) AS project,
              msg.body, msg.created_at AS "sentAt"
         FROM conversation_message msg
         JOIN conversation c ON c.id = msg.conversation_id
         JOIN project p ON p.id = c.project_id
        WHERE msg.author_id = $1
        ORDER BY msg.created_at, msg.seq`,
      [userId],
    );
  }

  @OnEvent(ACCOUNT_DELETED)
  async erase(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    await m.query(`UPDATE conversation_message SET body = $2 WHERE author_id = $1`, [
      event.payload.userId,
      ERASED_MESSAGE,
    ]);
    await m.query(`DELETE FROM conversation_read_marker WHERE user_id = $1`, [
      event.payload.userId,
    ]);
  }
}
