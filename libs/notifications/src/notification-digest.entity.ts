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
import { DeliveryStatus } from './delivery-kinds';

// One daily digest e-mail: at most one per person and local date.
@Entity()
@Index('notification_digest_once', ['recipientId', 'localDate'], { unique: true })
export class NotificationDigest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: User;

  // The recipient's calendar date in their time zone when the digest was gathered.
  @Column({ type: 'date' })
  localDate!: string;

  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'int', default: 0 })
  retries!: number;

  @Column({ type: 'text', nullable: true })
  receipt!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
