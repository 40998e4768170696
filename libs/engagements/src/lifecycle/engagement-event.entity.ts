import { User } from '@tsunagu/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Engagement } from './engagement.entity';
import { EngagementAction, EngagementStatus } from './engagement-state';

// The audit trail of an engagement: every transition, written in its transaction.
@Entity()
@Index('engagement_event_engagement_idx', ['engagementId', 'id'])
export class EngagementEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'enum', enum: EngagementAction, enumName: 'engagement_action' })
  action!: EngagementAction;

  @Column({ type: 'enum', enum: EngagementStatus, enumName: 'engagement_status' })
  fromStatus!: EngagementStatus;

  @Column({ type: 'enum', enum: EngagementStatus, enumName: 'engagement_status' })
  toStatus!: EngagementStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
