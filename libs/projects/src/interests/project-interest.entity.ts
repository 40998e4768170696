import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@tsunagu/identity';
import { Project } from '../project.entity';

// A participant's 興味あり mark on a project: lighter than applying, seen by the project's region
// and supervising intermediaries. One per participant and project (the primary key), so marking
// twice, even at the same moment, leaves one row.
@Entity()
@Index('project_interest_project_idx', ['projectId', 'createdAt'])
@Index('project_interest_participant_idx', ['participantId', 'createdAt'])
export class ProjectInterest {
  @PrimaryColumn({ type: 'uuid' })
  participantId!: string;

  // A deleted account takes its marks with it: they are only a signal.
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: User;

  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
