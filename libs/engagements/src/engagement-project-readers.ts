import { Injectable } from '@nestjs/common';
import { Actor, PolicyService } from '@tsunagu/identity';
import { ProjectReadersOf } from '@tsunagu/projects';
import { EntityManager } from 'typeorm';

// Engagements' answers to "who still reads a project that is no longer published"
// (libs/projects/src/project-readers.ts): the people whose engagement page, conversation, scout
// offer or company team page links to it. Each relation needs a published project to begin.
@Injectable()
export class EngagementProjectReaders {
  constructor(private readonly policy: PolicyService) {}

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

  // A company team's application is its members' engagements (applyAsCompanyTeam): the
  // company's people follow them on its teams page.
  @ProjectReadersOf('companyTeamApplication')
  async teamApplied(m: EntityManager, actor: Actor, projectId: string): Promise<boolean> {
    const companies = this.policy.companiesOf(actor);
    if (companies.length === 0) return false;
    return exists(
      m,
      `SELECT 1 FROM company_team ct
         JOIN company_team_member ctm ON ctm.team_id = ct.id
         JOIN engagement e ON e.participant_id = ctm.user_id
        WHERE ct.company_organization_id = ANY($1::uuid[]) AND e.project_id = $2`,
      [companies, projectId],
    );
  }
}

async function exists(m: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  const rows = await m.query<unknown[]>(`${sql} LIMIT 1`, params);
  return rows.length > 0;
}
