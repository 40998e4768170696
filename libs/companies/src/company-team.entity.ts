import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization } from '@tsunagu/identity';
import { CompanyProgram } from './company-program.entity';
import type { CompanyTeamMember } from './company-team-member.entity';

// A team of a company's employees, usually within one of its programs.
@Entity()
@Index('company_team_company_name_key', ['companyOrganizationId', 'name'], { unique: true })
export class CompanyTeam {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  companyOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_organization_id' })
  companyOrganization?: Organization;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  programId!: string | null;

  @ManyToOne(() => CompanyProgram, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'program_id' })
  program?: CompanyProgram | null;

  @Column({ type: 'text' })
  name!: string;

  @OneToMany('CompanyTeamMember', (member: CompanyTeamMember) => member.team)
  members?: CompanyTeamMember[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
