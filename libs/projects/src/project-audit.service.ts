import { Injectable } from '@nestjs/common';
import { Actor, PolicyService } from '@tsunagu/identity';
import { DataSource, EntityManager } from 'typeorm';
import { ProjectAuditAction, ProjectAuditEntry } from './project-audit-entry.entity';
import { Project, ProjectStatus } from './project.entity';

export interface AuditRecord {
  projectId: string;
  actorId: string | null;
  action: ProjectAuditAction;
  fromStatus?: ProjectStatus | null;
  toStatus?: ProjectStatus | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
  comment?: string | null;
}

// Every change to a project is recorded in the same transaction as the change itself.
@Injectable()
export class ProjectAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  // Returns the entry's id (events of a step name it).
  async record(manager: EntityManager, entry: AuditRecord): Promise<string> {
    const row = manager.getRepository(ProjectAuditEntry).create({
      projectId: entry.projectId,
      actorId: entry.actorId,
      action: entry.action,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      changes: entry.changes ?? {},
      comment: entry.comment ?? null,
    });
    const saved = await manager.getRepository(ProjectAuditEntry).save(row);
    return String(saved.id);
  }

  // Oldest first. For the project's region and supervising intermediaries.
  async history(actor: Actor, project: Project): Promise<ProjectAuditEntry[]> {
    this.policy.assert(
      this.policy.canSupervise(actor, project),
      'Only the region and its supervisors see the history',
    );
    return this.dataSource
      .getRepository(ProjectAuditEntry)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.actor', 'actor')
      .where('e.projectId = :projectId', { projectId: project.id })
      .orderBy('e.id', 'ASC')
      .getMany();
  }
}
