import { User } from '@tsunagu/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  ValueTransformer,
} from 'typeorm';
import { Engagement } from '../lifecycle/engagement.entity';

// Postgres returns numeric as a string; hours are small enough for a JS number.
const numericHours: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

// What the participant did since the last check-in, how long it took and how it is going.
// Its hours count towards the engagement once the region approves them.
@Entity()
@Index('engagement_check_in_engagement_idx', ['engagementId', 'createdAt'])
@Check('engagement_check_in_hours_range', `hours >= 0 AND hours <= 80`)
@Check('engagement_check_in_mood_range', `mood IS NULL OR mood BETWEEN 1 AND 5`)
export class EngagementCheckIn {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: User;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: numericHours })
  hours!: number;

  // 1 (struggling) to 5 (going well), when the participant says.
  @Column({ type: 'smallint', nullable: true })
  mood!: number | null;

  // The participant is stuck and needs help: the engagement needs attention.
  @Column({ type: 'boolean', default: false })
  blocked!: boolean;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approved_by_id' })
  approvedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

export enum EngagementNoteVisibility {
  // Region and intermediary staff, and the participant.
  REGION_SHARED = 'REGION_SHARED',
  // The supervising intermediary's own accompaniment (伴走) notes: nobody else ever sees them.
  INTERMEDIARY_PRIVATE = 'INTERMEDIARY_PRIVATE',
}

@Entity()
@Index('engagement_note_engagement_idx', ['engagementId', 'createdAt'])
export class EngagementNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({
    type: 'enum',
    enum: EngagementNoteVisibility,
    enumName: 'engagement_note_visibility',
  })
  visibility!: EngagementNoteVisibility;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

@Entity()
@Index('engagement_milestone_engagement_idx', ['engagementId', 'dueDate'])
export class EngagementMilestone {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

export enum EngagementAlertKind {
  // No check-in (or no start) for the stale period.
  STALE = 'STALE',
  // A milestone is past its due date and not done.
  MILESTONE_OVERDUE = 'MILESTONE_OVERDUE',
  // An application still SUBMITTED after the region's response period.
  UNANSWERED = 'UNANSWERED',
}

// One flag per engagement, reason and period, written by the stale sweep: the unique key makes a
// sweep that runs twice (or twice at once) flag and notify once.
@Entity()
@Index('engagement_alert_key', ['engagementId', 'kind', 'since'], { unique: true })
export class EngagementAlert {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({ type: 'enum', enum: EngagementAlertKind, enumName: 'engagement_alert_kind' })
  kind!: EngagementAlertKind;

  // The start of the period: the last check-in (or the start) for STALE, the earliest missed due
  // date for MILESTONE_OVERDUE, the submission for UNANSWERED.
  @Column({ type: 'timestamptz', precision: 3 })
  since!: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

export const ACCOMPANIMENT_ENTITIES = [
  EngagementCheckIn,
  EngagementNote,
  EngagementMilestone,
  EngagementAlert,
];
