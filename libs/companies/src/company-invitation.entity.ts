import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization, User } from '@tsunagu/identity';

// A company's invitation to an e-mail address to enrol as its employee. The company learns
// nothing about the person until they accept it: that is their consent to be its employee.
@Entity()
@Index('company_invitation_company_email_key', ['companyOrganizationId', 'email'], {
  unique: true,
})
export class CompanyInvitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  companyOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_organization_id' })
  companyOrganization?: Organization;

  // Normalised (normalizeEmail); matched against the verified address of whoever accepts.
  @Index()
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'uuid', nullable: true })
  invitedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_user_id' })
  invitedBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt!: Date | null;
}
