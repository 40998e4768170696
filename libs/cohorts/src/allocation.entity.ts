import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '@tsunagu/identity';
import type { BlockingPair } from '@tsunagu/matching';
import type { CohortProblem } from './allocation-problems';
import type { CohortSnapshot, TeamRecord } from './allocation-snapshot';
import { Cohort } from './cohort.entity';

export enum AllocationModeValue {
  // Participant-proposing deferred acceptance: nobody would rather swap with a free seat.
  STABLE = 'STABLE',
  // The highest total score the capacities allow.
  OPTIMAL = 'OPTIMAL',
}

export enum AllocationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  PROPOSED = 'PROPOSED',
  FAILED = 'FAILED',
  CONFIRMED = 'CONFIRMED',
}

// One run of the allocation over a cohort: requested by the intermediary, computed by the worker
// (`cohort.allocate`), then adjusted and confirmed, or left as a proposal.
@Entity()
@Index('allocation_cohort_created_idx', ['cohortId', 'createdAt'])
export class Allocation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column({ type: 'enum', enum: AllocationModeValue, enumName: 'allocation_mode' })
  mode!: AllocationModeValue;

  @Column({
    type: 'enum',
    enum: AllocationStatus,
    enumName: 'allocation_status',
    default: AllocationStatus.QUEUED,
  })
  status!: AllocationStatus;

  // Worker runs so far; the last permitted one marks the allocation FAILED instead of leaving it
  // RUNNING for ever.
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  // Set from PROPOSED on.
  @Column({ type: 'double precision', nullable: true })
  totalScore!: number | null;

  @Column({ type: 'int', nullable: true })
  blockingPairCount!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  blockingPairs!: BlockingPair[] | null;

  @Column({ type: 'jsonb', nullable: true })
  teams!: TeamRecord[] | null;

  @Column({ type: 'jsonb', nullable: true })
  snapshot!: CohortSnapshot | null;

  // Set when FAILED: why, in one line and one problem per cause.
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  problems!: CohortProblem[] | null;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id' })
  requestedBy?: User;

  @Column({ type: 'uuid', nullable: true })
  confirmedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confirmed_by_id' })
  confirmedBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  startedAt!: Date | null;

  // When it became PROPOSED or FAILED.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  confirmedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
