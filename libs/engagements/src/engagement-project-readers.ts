import { Injectable } from '@nestjs/common';
import type { Actor } from '@tsunagu/identity';
import { ProjectReadersOf } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';

// Engagements' answers to "who still reads a project that is no longer published"
// (libs/projects/src/project-readers.ts): the participants whose engagement page, conversation or
// scout offer links to it. Each relation needs a published project to begin.
@Injectable()
export class EngagementProjectReaders {
  // Any status, withdrawn and declined included: the engagement page stays theirs.
  @ProjectReadersOf('engagement')
  async engaged(m: EntityManager, actor: Actor, projectId: string): Promise<boolean> {
    return exists(m, 'SELECT 1 FROM engagement WHERE participant_id = $1 AND project_id = $2', [
      actor.userId,
      projectId,
    ]);
  }

  // Any status: the offer stays in the participant's list, with its link.
  @ProjectReadersOf('scoutOffer')
  async scouted(m: EntityManager, actor: Actor, projectId: string): Promise<boolean> {
    return exists(m, 'SELECT 1 FROM scout_offer WHERE participant_id = $1 AND project_id = $2', [
      actor.userId,
      projectId,
    ]);
  }
}

async function exists(m: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  const rows = await m.query<unknown[]>(`${sql} LIMIT 1`, params);
  return rows.length > 0;
}
