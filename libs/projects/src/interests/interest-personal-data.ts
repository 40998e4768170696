import { Injectable } from '@nestjs/common';
import { OnEvent, PersonalDataOf } from '@tsunagu/core';
import type { EventOf } from '@tsunagu/core';
import { ACCOUNT_DELETED } from '@tsunagu/identity';
import { EntityManager } from 'typeorm';
import { ProjectInterest } from './project-interest.entity';

// The interest marks' part of the account's data: their export and their erasure.
@Injectable()
export class InterestPersonalData {
  @PersonalDataOf('projectInterests')
  async export(m: EntityManager, userId: string): Promise<unknown> {
    return m.query(
      `SELECT json_build_object('id', p.id, 'title', p.title) AS project, i.created_at AS "markedAt"
         FROM project_interest i JOIN project p ON p.id = i.project_id
        WHERE i.participant_id = $1 ORDER BY i.created_at`,
      [userId],
    );
  }

  @OnEvent(ACCOUNT_DELETED)
  async erase(m: EntityManager, event: EventOf<typeof ACCOUNT_DELETED>): Promise<void> {
    await m.delete(ProjectInterest, { participantId: event.payload.userId });
  }
}
