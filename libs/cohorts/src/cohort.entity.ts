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
import { Organization, User } from '@tsunagu/identity';
import { Program } from '@tsunagu/projects';

export enum CohortStatus {
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
}

// The participants and projects of a program an intermediary allocates together, typically after
// a matching seminar. OPEN while members rank and allocations are tried; CONFIRMED once one
// allocation became applications.
@Entity()
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  // The program's intermediary, kept on the row so every authorisation check is one lookup.
  @Index()
  @Column({ type: 'uuid' })
  intermediaryOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'intermediary_organization_id' })
  intermediaryOrganization?: Organization;

  @Column({ type: 'text' })
  name!: string;

  @Column({
    type: 'enum',
    enum: CohortStatus,
    enumName: 'cohort_status',
    default: CohortStatus.OPEN,
  })
  status!: CohortStatus;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
