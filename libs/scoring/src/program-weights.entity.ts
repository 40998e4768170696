import { Program } from '@tsunagu/projects';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

// One version of an intermediary program's matching weights. Versions are never edited: a change
// adds the next version, and every stored score names the version it was computed with.
@Entity()
@Index('program_weights_program_version_key', ['programId', 'version'], { unique: true })
export class ProgramWeights {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @Column({ type: 'int' })
  version!: number;

  // Factor name → weight in [0, 1] (validated by the matching engine's rules).
  @Column({ type: 'jsonb' })
  weights!: Record<string, number>;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
