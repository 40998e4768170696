import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization } from './organization.entity';
import { User } from './user.entity';

export enum MembershipRole {
  OWNER = 'OWNER',
  STAFF = 'STAFF',
}

@Entity()
@Index('membership_user_organization_key', ['userId', 'organizationId'], { unique: true })
// An organisation's members in the order they joined: a company's employees are paged by it.
@Index('membership_organization_listing_idx', ['organizationId', 'createdAt', 'userId'])
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role' })
  role!: MembershipRole;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
