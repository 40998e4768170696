import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization, User } from '@tsunagu/identity';
import type { ParticipantSkill } from './participant-skill.entity';

export enum ParticipantKind {
  PRO_BONO = 'PRO_BONO',
  UNIVERSITY_STUDENT = 'UNIVERSITY_STUDENT',
  HIGH_SCHOOL_STUDENT = 'HIGH_SCHOOL_STUDENT',
  COMPANY_EMPLOYEE = 'COMPANY_EMPLOYEE',
}

export enum ParticipantGoal {
  CAREER_BUILDING = 'CAREER_BUILDING',
  SKILL_INVENTORY = 'SKILL_INVENTORY',
  SIDE_JOB_TRIAL = 'SIDE_JOB_TRIAL',
  LEARNING = 'LEARNING',
  EXPLORING_A_MOVE = 'EXPLORING_A_MOVE',
}

export enum AvailableDays {
  WEEKDAYS = 'WEEKDAYS',
  WEEKENDS = 'WEEKENDS',
  ANY = 'ANY',
}

// Who may see a profile before an engagement with them exists.
export enum ProfileVisibility {
  NOBODY = 'NOBODY',
  INTERMEDIARIES = 'INTERMEDIARIES',
  INTERMEDIARIES_AND_REGIONS = 'INTERMEDIARIES_AND_REGIONS',
}

export interface AvailabilityPeriod {
  from: string;
  // Null: open-ended.
  to: string | null;
}

// The participant side of a person: one profile per user.
@Entity()
@Check(
  'participant_profile_weekly_hours_range',
  'weekly_hours IS NULL OR weekly_hours BETWEEN 1 AND 80',
)
@Check('participant_profile_travel_range', 'travel_range_km BETWEEN 0 AND 3000')
// searchParticipants pages most recently updated first: read in index order, not sorted.
@Index('participant_profile_updated_listing_idx', ['updatedAt', 'userId'])
// Its text filter (bio ILIKE '%…%'): a pg_trgm GIN index, made in the ScreenQueryIndexes migration.
@Index('participant_profile_bio_trgm_idx', { synchronize: false })
export class ParticipantProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index()
  @Column({ type: 'enum', enum: ParticipantKind, enumName: 'participant_kind' })
  kind!: ParticipantKind;

  // For COMPANY_EMPLOYEE: the company that sends them.
  @Index()
  @Column({ type: 'uuid', nullable: true })
  companyOrganizationId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'company_organization_id' })
  companyOrganization?: Organization | null;

  // Who is a minor: under 18 on the day an engagement or event starts (see minors.ts).
  // Required for HIGH_SCHOOL_STUDENT on a new save; older profiles may lack it.
  @Column({ type: 'date', nullable: true })
  dateOfBirth!: string | null;

  // A minor's guardian, asked for consent per engagement and event (libs/participants guardians).
  @Column({ type: 'text', nullable: true })
  guardianName!: string | null;

  @Column({ type: 'text', nullable: true })
  guardianEmail!: string | null;

  // The participant's own declaration that their guardian knows (before consent per engagement
  // existed); kept as it was declared, never taken for the guardian's consent.

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  guardianConsentAt!: Date | null;

  @OneToMany('ParticipantSkill', (skill: ParticipantSkill) => skill.participant)
  skills?: ParticipantSkill[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themeCodes!: string[];

  @Column({
    type: 'enum',
    enum: ParticipantGoal,
    enumName: 'participant_goal',
    array: true,
    default: () => "'{}'",
  })
  goals!: ParticipantGoal[];

  @Column({ type: 'smallint', nullable: true })
  weeklyHours!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  availablePeriods!: AvailabilityPeriod[];

  @Column({
    type: 'enum',
    enum: AvailableDays,
    enumName: 'available_days',
    default: AvailableDays.ANY,
  })
  availableDays!: AvailableDays;

  @Index()
  @Column({ type: 'char', length: 6, nullable: true })
  homeMunicipalityCode!: string | null;

  // How far they would travel for on-site work.
  @Column({ type: 'int', default: 100 })
  travelRangeKm!: number;

  @Column({ type: 'boolean', default: false })
  remoteOnly!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{ja}'" })
  languages!: string[];

  @Column({ type: 'text', default: '' })
  bio!: string;

  // Contact detail: shown to its owner only, never on what regions or other participants see.
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({
    type: 'enum',
    enum: ProfileVisibility,
    enumName: 'profile_visibility',
    default: ProfileVisibility.INTERMEDIARIES,
  })
  visibility!: ProfileVisibility;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
