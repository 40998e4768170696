import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobName } from '../queue/job-registry';

// A job that must run because of a database change, written in the same transaction as the
// change and relayed to BullMQ after commit.
@Entity()
@Index('outbox_message_pending_idx', ['id'], { where: 'dispatched_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  jobName!: JobName;

  // Deterministic BullMQ job id: a relay that runs twice enqueues once.
  @Column({ type: 'text', unique: true })
  jobId!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  failedAttempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
