import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ScoringRunStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  // A chunk failed every attempt; the chunks that finished keep their results. Start a new run.
  FAILED = 'FAILED',
}

// A full re-score of everyone, in chunks. Progress is chunksDone / chunksTotal.
@Entity()
export class ScoringRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: ScoringRunStatus, enumName: 'scoring_run_status' })
  status!: ScoringRunStatus;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'int', default: 0 })
  chunksTotal!: number;

  @Column({ type: 'int', default: 0 })
  chunksDone!: number;

  @Column({ type: 'uuid', nullable: true })
  requestedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;
}
