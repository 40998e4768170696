import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DeliveryStatus } from '../delivery-kinds';
import { NotificationEvent } from '../notification-event.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

// One event to one endpoint. The unique (endpoint, event) key means a fan-out that runs twice
// plans one delivery, and a SENT delivery is never called again; a call whose 2xx was not yet
// recorded when the worker died is made again, so receivers de-duplicate on the delivery id.
// Statuses: PENDING (waiting for or between attempts), SENT, DEAD (gave up or endpoint disabled).
@Entity()
@Index('webhook_delivery_once', ['endpointId', 'eventId'], { unique: true })
@Index('webhook_delivery_endpoint_idx', ['endpointId', 'createdAt', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  endpointId!: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => NotificationEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: NotificationEvent;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  // Calls made since the delivery was planned or last retried.
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'int', nullable: true })
  lastStatusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  // Retries asked for after the dead-letter state; each gets a fresh job id.
  @Column({ type: 'int', default: 0 })
  retries!: number;

  // Set while a job is calling the endpoint, so a duplicate job never calls at the same time;
  // a lease rather than a held row lock, so no connection waits on the receiver.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
