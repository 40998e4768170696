import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { RecipientRole } from '@tsunagu/core';
import { User } from '@tsunagu/identity';

// An in-app notification. (eventKey, recipient) is unique: a job that runs twice stores one row.
@Entity()
@Index('notification_event_recipient_key', ['eventKey', 'recipientId'], { unique: true })
@Index('notification_recipient_listing_idx', ['recipientId', 'createdAt', 'id'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: User;

  // The domain event this notification is about, e.g. "application-submitted.<id>".
  @Column({ type: 'text' })
  eventKey!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  // Ids the client can link to (projectId, engagementId…).
  @Column({ type: 'jsonb', default: {} })
  data!: Record<string, string>;

  // What it was rendered from (names, titles, statuses), so a client can word it in the
  // language chosen now rather than the one stored at delivery.
  @Column({ type: 'jsonb', default: {} })
  facts!: Record<string, string>;

  // In which capacity the recipient heard of it (participant, region, intermediary).
  @Column({ type: 'text', nullable: true })
  audience!: RecipientRole | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
