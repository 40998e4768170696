import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationEventType } from './notified-events';
import { User } from '@tsunagu/identity';
import { DeliveryChannel, DeliveryMode } from './delivery-kinds';

// A person's own choice; without one, the default for their role applies.
@Entity()
@Index('notification_preference_once', ['userId', 'eventType', 'channel'], { unique: true })
export class NotificationPreference {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  eventType!: NotificationEventType;

  @Column({ type: 'text' })
  channel!: DeliveryChannel;

  @Column({ type: 'text' })
  mode!: DeliveryMode;
}
