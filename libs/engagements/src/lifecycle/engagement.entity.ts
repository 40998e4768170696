import { EngagementStatus } from './engagement-state';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Project } from '@tsunagu/projects';
import { ParticipantProfile } from '@tsunagu/participants';

// Interview slots the region proposes, and where to meet online.
export interface InterviewPlan {
  slots: string[];
  meetingUrl: string | null;
  notes: string | null;
}

// What the intermediary approves: the engagement's period, hours, goals and supervisor.
export interface EngagementTerms {
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number;
  goals: string;
  supervisorId: string;
}

// A participant's application to a project and the engagement it grows into (one row per
// participant and project: a team engagement is several rows, each with its own status).
@Entity()
// Approved terms: a period in order and 1–80 hours a week (EngagementTermsInput checks them first).
@Check(
  'engagement_terms_valid',
  `terms IS NULL OR ((terms->>'endDate' IS NULL OR terms->>'endDate' >= terms->>'startDate') AND (terms->>'hoursPerWeek')::numeric BETWEEN 1 AND 80)`,
)
@Index('engagement_project_participant_key', ['projectId', 'participantId'], { unique: true })
// The active engagements of some projects, for their supervisors (migration 1796020000000).
@Index('engagement_active_project_idx', ['projectId'], { where: "status = 'ACTIVE'" })
export class Engagement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Index()
  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  @Column({ type: 'text' })
  motivation!: string;

  @Column({
    type: 'enum',
    enum: EngagementStatus,
    enumName: 'engagement_status',
    default: EngagementStatus.SUBMITTED,
  })
  status!: EngagementStatus;

  @Column({ type: 'jsonb', nullable: true })
  interview!: InterviewPlan | null;

  @Column({ type: 'jsonb', nullable: true })
  terms!: EngagementTerms | null;

  // Why it was declined, withdrawn or cancelled.
  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  statusChangedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
