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
import type { NotificationEventType } from '../notified-events';
import { Organization, User } from '@tsunagu/identity';

// Where an organisation wants to hear of events: its own CRM or workflow tool. Calls are signed
// with the endpoint's secret; an endpoint that keeps failing is disabled so a dead receiver does
// not collect retries forever.
@Entity()
@Index('webhook_endpoint_organization_idx', ['organizationId'])
@Check('webhook_endpoint_has_event_types', 'cardinality(event_types) > 0')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text' })
  url!: string;

  // A non-empty subset of NOTIFICATION_EVENT_TYPES.
  @Column({ type: 'text', array: true })
  eventTypes!: NotificationEventType[];

  // The HMAC key; generated here, shown to the organisation once (on create and on rotate) and
  // otherwise only read by the deliverer, which asks for it explicitly.
  @Column({ type: 'text', select: false })
  secret!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  // Failed calls in a row; a success resets it, reaching WEBHOOK_DISABLE_AFTER_FAILURES disables.
  @Column({ type: 'int', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  disabledAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  disabledReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
