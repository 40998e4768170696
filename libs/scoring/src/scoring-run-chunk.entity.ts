import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ScoringChunkSide {
  PARTICIPANTS = 'PARTICIPANTS',
  PROJECTS = 'PROJECTS',
}

// One chunk of a run: a range of participant or project ids, fixed when the run is planned.
// `doneAt` is set in the transaction that stores the chunk's results, so a retried or resumed
// chunk that already finished is skipped.
@Entity()
export class ScoringRunChunk {
  @PrimaryColumn({ type: 'uuid' })
  runId!: string;

  @PrimaryColumn({ type: 'int' })
  chunk!: number;

  @Column({ type: 'enum', enum: ScoringChunkSide, enumName: 'scoring_chunk_side' })
  side!: ScoringChunkSide;

  @Column({ type: 'uuid', array: true })
  subjectIds!: string[];

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  doneAt!: Date | null;
}
