import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Project } from '@tsunagu/projects';
import { Cohort } from './cohort.entity';

// A project in a cohort, with the seats the allocation may fill (by default the project's
// capacity).
@Entity()
@Check('cohort_project_capacity_positive', 'capacity >= 1')
export class CohortProject {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'int' })
  capacity!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  addedAt!: Date;
}
