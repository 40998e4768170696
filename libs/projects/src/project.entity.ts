import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization, User } from '@tsunagu/identity';
import { ParticipantKind } from '@tsunagu/participants';
import { Theme } from '@tsunagu/taxonomy';
import type { ProjectSkill } from './project-skill.entity';
import { Program } from './program.entity';
import { ProjectStatus } from './project-status';

export { ProjectStatus };

export enum ProjectMode {
  REMOTE = 'REMOTE',
  ONSITE = 'ONSITE',
  HYBRID = 'HYBRID',
}

export interface ProjectAttachment {
  title: string;
  url: string;
}

// A region's need, drafted by its staff, reviewed and published by an intermediary covering its
// place. Free-text search runs on title and description through trigram indexes (see the
// migration that creates them), which work for Japanese without word boundaries.
@Entity()
@Check('project_capacity_covers_team', 'capacity >= team_size AND team_size >= 1')
@Check('project_period_ordered', 'end_date IS NULL OR end_date >= start_date')
@Check('project_hours_range', 'hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 80')
@Check('project_size_limits', 'team_size <= 100 AND capacity <= 1000')
@Check('project_season_months_range', `season_months <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[]`)
// Seats held never exceed capacity: triggers in the ProjectInvariants migration (a count).
@Index('project_published_listing_idx', ['status', 'publishedAt', 'id'])
@Index('project_search_text_trgm_idx', { synchronize: false })
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  regionOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_organization_id' })
  regionOrganization?: Organization;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  programId!: string | null;

  @ManyToOne(() => Program, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'program_id' })
  program?: Program | null;

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

  // Months (1–12) when help is needed each year, e.g. planting and harvest for farm work.
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  seasonMonths!: number[];

  @Column({ type: 'smallint', nullable: true })
  hoursPerWeek!: number | null;

  // Participants working together; capacity is how many can be accepted in all.
  @Column({ type: 'smallint', default: 1 })
  teamSize!: number;

  @Column({ type: 'int' })
  capacity!: number;

  // Empty: open to every kind of participant.
  @Column({
    type: 'enum',
    enum: ParticipantKind,
    enumName: 'participant_kind',
    array: true,
    default: () => "'{}'",
  })
  eligibleKinds!: ParticipantKind[];

  // ISO 639-1 codes of the working languages.
  @Column({ type: 'text', array: true, default: () => "'{ja}'" })
  languages!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: ProjectAttachment[];

  @OneToMany('ProjectSkill', (skill: ProjectSkill) => skill.project)
  skills?: ProjectSkill[];

  @Column({
    type: 'enum',
    enum: ProjectStatus,
    enumName: 'project_status',
    default: ProjectStatus.DRAFT,
  })
  status!: ProjectStatus;

  // The intermediary's latest review comment (the full history is in the audit trail).
  @Column({ type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy?: User;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt!: Date | null;

  // Set by the response sweep while applications wait too long for the region's answer: a paused
  // project stays PUBLISHED but is out of search and takes no applications.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  pausedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  pauseReason!: string | null;

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
