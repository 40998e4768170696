import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationEventType } from './notified-events';

// A domain event as the notification worker resolved it: the facts every channel renders from,
// frozen when the event was fanned out so an e-mail retried later says what the in-app
// notification said.
@Entity()
export class NotificationEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  key!: string;

  @Column({ type: 'text' })
  type!: NotificationEventType;

  // Template variables (names, titles, statuses) and link ids (projectId, engagementId…).
  @Column({ type: 'jsonb' })
  vars!: Record<string, string>;

  @Column({ type: 'jsonb', default: {} })
  links!: Record<string, string>;

  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
