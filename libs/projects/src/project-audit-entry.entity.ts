import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '@tsunagu/identity';
import { Project, ProjectStatus } from './project.entity';

export enum ProjectAuditAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  PUBLISHED = 'PUBLISHED',
  EXTENDED = 'EXTENDED',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
  COMMENTED = 'COMMENTED',
  // By the response sweep (actor null): too many applications wait for the region's answer.
  PAUSED = 'PAUSED',
  // By the system (actor null): the last overdue application has been answered.
  UNPAUSED = 'UNPAUSED',
}

// Append-only history of a project: who did what, when, and which fields changed.
@Entity()
@Index('project_audit_entry_project_idx', ['projectId', 'id'])
export class ProjectAuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  // Null for system actions (e.g. a scheduled close).
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'enum', enum: ProjectAuditAction, enumName: 'project_audit_action' })
  action!: ProjectAuditAction;

  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status', nullable: true })
  fromStatus!: ProjectStatus | null;

  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status', nullable: true })
  toStatus!: ProjectStatus | null;

  // Field → { from, to } for edits.
  @Column({ type: 'jsonb', default: {} })
  changes!: Record<string, { from: unknown; to: unknown }>;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
