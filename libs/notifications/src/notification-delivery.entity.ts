import { RecipientRole } from '@tsunagu/core';
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
import { DeliveryChannel, DeliveryMode, DeliveryStatus } from './delivery-kinds';
import { NotificationEvent } from './notification-event.entity';

// One event to one person on one channel. The unique (event, recipient, channel) key is the
// exactly-once guarantee: a fan-out that runs twice plans one delivery, and a delivery that is
// SENT is never sent again.
@Entity()
@Index('notification_delivery_once', ['eventId', 'recipientId', 'channel'], { unique: true })
@Index('notification_delivery_status_idx', ['status', 'createdAt'])
@Index('notification_delivery_digest_idx', ['recipientId'], { where: "status = 'IN_DIGEST'" })
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => NotificationEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: NotificationEvent;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: User;

  // The capacity in which the recipient hears of the event; picks the wording.
  @Column({ type: 'text' })
  role!: RecipientRole;

  // The organisation a staff member hears of it for (null for participants).
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'text' })
  channel!: DeliveryChannel;

  @Column({ type: 'text' })
  mode!: DeliveryMode;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  // Operator retries after the dead-letter state; each gets a fresh job id.
  @Column({ type: 'int', default: 0 })
  retries!: number;

  // What the channel answered: the in-app notification id, the SMTP server's response.
  @Column({ type: 'text', nullable: true })
  receipt!: string | null;

  @Column({ type: 'uuid', nullable: true })
  digestId!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
