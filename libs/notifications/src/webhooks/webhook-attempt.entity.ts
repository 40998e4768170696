import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';

// One call to an endpoint, successful or not, so the organisation can see what its receiver
// answered. Only the status code and a short error are kept, never the response body.
@Entity()
@Index('webhook_attempt_delivery_idx', ['deliveryId', 'attemptedAt'])
export class WebhookAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  deliveryId!: string;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: WebhookDelivery;

  @Column({ type: 'timestamptz', precision: 3 })
  attemptedAt!: Date;

  // Null when no response came (refused connection, timeout).
  @Column({ type: 'int', nullable: true })
  statusCode!: number | null;

  // Null for a successful call.
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'int' })
  durationMs!: number;
}
