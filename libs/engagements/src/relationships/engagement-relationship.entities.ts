import { Organization, User } from '@tsunagu/identity';
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
import { Engagement } from '../lifecycle/engagement.entity';

export enum FeedbackSide {
  // The participant about the region and the project.
  PARTICIPANT = 'PARTICIPANT',
  // The region about the participant.
  REGION = 'REGION',
}

// What became of the relationship some months after the engagement.
export enum FollowUpOutcome {
  REVISITED = 'REVISITED',
  // Approved for another engagement with the same region (recorded automatically).
  NEW_ENGAGEMENT = 'NEW_ENGAGEMENT',
  ONLINE_INVOLVEMENT = 'ONLINE_INVOLVEMENT',
  FURUSATO_NOZEI = 'FURUSATO_NOZEI',
  MOVED_OR_MOVING = 'MOVED_OR_MOVING',
  LOST_TOUCH = 'LOST_TOUCH',
}

export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;

// Mutual feedback once an engagement is completed: one per side.
@Entity()
@Index('engagement_feedback_side_key', ['engagementId', 'side'], { unique: true })
@Check('engagement_feedback_rating_range', `rating BETWEEN 1 AND 5`)
export class EngagementFeedback {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({ type: 'enum', enum: FeedbackSide, enumName: 'engagement_feedback_side' })
  side!: FeedbackSide;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// A check on the relationship 3, 6 and 12 months after completion. Open until recorded; the
// sweep notifies once when it falls due.
@Entity()
@Index('follow_up_engagement_months_key', ['engagementId', 'dueMonths'], { unique: true })
@Index('follow_up_due_idx', ['dueAt'])
@Check('follow_up_due_months_allowed', `due_months IN (3, 6, 12)`)
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({ type: 'smallint' })
  dueMonths!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  dueAt!: Date;

  @Column({
    type: 'enum',
    enum: FollowUpOutcome,
    enumName: 'follow_up_outcome',
    array: true,
    nullable: true,
  })
  outcomes!: FollowUpOutcome[] | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  // Null with recordedAt set: recorded automatically.
  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: User;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  recordedAt!: Date | null;

  // When the sweep told participant and supervisor it is due.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  notifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// A participant's relationship with one region (関係人口), across engagements and follow-ups.
@Entity()
@Index('region_relationship_key', ['participantId', 'regionOrganizationId'], { unique: true })
@Index('region_relationship_region_idx', ['regionOrganizationId', 'lastContactAt'])
export class RegionRelationship {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: User;

  @Column({ type: 'uuid' })
  regionOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_organization_id' })
  regionOrganization?: Organization;

  // The start of the first completed engagement.
  @Column({ type: 'timestamptz', precision: 3 })
  firstEngagementAt!: Date;

  @Column({ type: 'int', default: 0 })
  engagementsCompleted!: number;

  @Column({
    type: 'enum',
    enum: FollowUpOutcome,
    enumName: 'follow_up_outcome',
    array: true,
    default: () => `'{}'`,
  })
  lastOutcomes!: FollowUpOutcome[];

  @Column({ type: 'timestamptz', precision: 3 })
  lastContactAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

export const RELATIONSHIP_ENTITIES = [EngagementFeedback, FollowUp, RegionRelationship];
