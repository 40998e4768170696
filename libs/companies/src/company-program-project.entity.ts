import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from '@tsunagu/projects';
import { CompanyProgram } from './company-program.entity';

// A region's project a company program targets. Only projects open to company employees qualify.
@Entity()
export class CompanyProgramProject {
  @PrimaryColumn({ type: 'uuid' })
  programId!: string;

  @ManyToOne(() => CompanyProgram, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: CompanyProgram;

  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;
}
