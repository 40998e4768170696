import { Organization, User } from '@tsunagu/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum CouncilMembershipStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

// An organisation's membership of the council (かかわりラボ): one row per organisation, from its
// application through the platform admins' decision, and the profile it shows in the directory
// once approved. A rejected or withdrawn organisation applies again on the same row.
@Entity('council_memberships')
@Check(
  'council_membership_decided_when_decided',
  `status NOT IN ('APPROVED', 'REJECTED') OR decided_at IS NOT NULL`,
)
@Check(
  'council_membership_reason_when_rejected',
  `status <> 'REJECTED' OR decision_reason IS NOT NULL`,
)
@Index('council_membership_status_applied_idx', ['status', 'appliedAt'])
export class CouncilMembership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('council_membership_organization_key', { unique: true })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({
    type: 'enum',
    enum: CouncilMembershipStatus,
    enumName: 'council_membership_status',
  })
  status!: CouncilMembershipStatus;

  // Whoever sent the (latest) application; kept when their account goes.
  @Column({ type: 'uuid', nullable: true })
  appliedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applied_by_id' })
  appliedBy?: User;

  @Column({ type: 'timestamptz', precision: 3 })
  appliedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: User;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  // Why the admins decided so: required for a rejection, told to the organisation.
  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  withdrawnAt!: Date | null;

  // The profile. Its place defaults to the organisation's own (a region's municipality).
  @Column({ type: 'char', length: 2, nullable: true })
  prefectureCode!: string | null;

  @Column({ type: 'char', length: 6, nullable: true })
  municipalityCode!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themeCodes!: string[];

  @Column({ type: 'text' })
  introductionJa!: string;

  @Column({ type: 'text', nullable: true })
  introductionEn!: string | null;

  // What the member offers and seeks: tags from COUNCIL_TAGS, and words of its own.
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  offerTags!: string[];

  @Column({ type: 'text', nullable: true })
  offerText!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  seekTags!: string[];

  @Column({ type: 'text', nullable: true })
  seekText!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
