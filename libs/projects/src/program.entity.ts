import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization } from '@tsunagu/identity';

// A funded program an intermediary runs (e.g. a prefecture-wide relationship-population program);
// projects belong to at most one.
@Entity()
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  intermediaryOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'intermediary_organization_id' })
  intermediaryOrganization?: Organization;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  // Days without a check-in after which the program's engagements count as stale (null: the
  // platform default, ENGAGEMENT_STALE_DAYS).
  @Column({ type: 'smallint', nullable: true })
  staleAfterDays!: number | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
