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
import { Organization, User } from '@tsunagu/identity';
import { Theme } from './theme.entity';

export enum ProjectStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

export enum ProjectMode {
  REMOTE = 'REMOTE',
  ONSITE = 'ONSITE',
  HYBRID = 'HYBRID',
}

// A region's need, posted by its staff and published by an intermediary covering its place.
@Entity()
@Check('project_capacity_positive', 'capacity > 0')
@Check('project_period_ordered', 'end_date IS NULL OR end_date >= start_date')
@Index('project_published_listing_idx', ['status', 'publishedAt', 'id'])
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  regionOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_organization_id' })
  regionOrganization?: Organization;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Index()
  @Column({ type: 'text' })
  themeCode!: string;

  @ManyToOne(() => Theme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme_code' })
  theme?: Theme;

  @Index()
  @Column({ type: 'char', length: 6 })
  municipalityCode!: string;

  @Index()
  @Column({ type: 'char', length: 2 })
  prefectureCode!: string;

  @Column({ type: 'enum', enum: ProjectMode, enumName: 'project_mode' })
  mode!: ProjectMode;

  @Column({ type: 'date' })
  startDate!: string;

  // Null: ongoing.
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({
    type: 'enum',
    enum: ProjectStatus,
    enumName: 'project_status',
    default: ProjectStatus.DRAFT,
  })
  status!: ProjectStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy?: User;

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
