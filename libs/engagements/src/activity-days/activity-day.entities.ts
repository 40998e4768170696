import { Project } from '@tsunagu/projects';
import { User } from '@tsunagu/identity';
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
import { EngagementCheckIn } from '../accompaniment/engagement-accompaniment.entities';
import { Engagement } from '../lifecycle/engagement.entity';

// Activity days live in the engagements context rather than a lib of their own: who may sign up
// is an engagement's status, and attendance becomes that engagement's approved check-in hours.

export enum ActivityDayStatus {
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}

export enum ActivityDaySignupStatus {
  SIGNED_UP = 'SIGNED_UP',
  CANCELLED = 'CANCELLED',
}

// A date a region opens on one of its projects for on-site help (a farm day, festival
// preparation), with places. `signedUpCount` is kept on the row so one guarded UPDATE under the
// day's row lock admits a volunteer without ever exceeding the places.
@Entity()
@Check('activity_day_ends_after_start', 'ends_at > starts_at')
@Check('activity_day_places_positive', 'places >= 1')
@Check('activity_day_within_places', 'signed_up_count >= 0 AND signed_up_count <= places')
@Index('activity_day_project_starts_idx', ['projectId', 'startsAt'])
// One published day per project and start: publishing "every Saturday" twice adds nothing twice.
@Index('activity_day_project_start_key', ['projectId', 'startsAt'], {
  unique: true,
  where: `status = 'PUBLISHED'`,
})
export class ActivityDay {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({
    type: 'enum',
    enum: ActivityDayStatus,
    enumName: 'activity_day_status',
    default: ActivityDayStatus.PUBLISHED,
  })
  status!: ActivityDayStatus;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'int' })
  places!: number;

  @Column({ type: 'int', default: 0 })
  signedUpCount!: number;

  @Column({ type: 'text' })
  meetingPoint!: string;

  @Column({ type: 'text', nullable: true })
  whatToBring!: string | null;

  @Column({ type: 'text', nullable: true })
  noteJa!: string | null;

  @Column({ type: 'text', nullable: true })
  noteEn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

// One engagement's place on a day. Signing up again after a cancellation reuses the row.
// Attendance marked yes credits the day's hours as an approved check-in of the engagement
// (`checkInId`, unique: credited once); marked no (or un-marked) removes that check-in.
@Entity()
@Index('activity_day_signup_day_engagement_key', ['activityDayId', 'engagementId'], {
  unique: true,
})
@Index('activity_day_signup_check_in_key', ['checkInId'], { unique: true })
@Check('activity_day_signup_attendance_when_signed_up', `attended IS NULL OR status = 'SIGNED_UP'`)
@Check('activity_day_signup_credit_when_attended', `check_in_id IS NULL OR attended`)
export class ActivityDaySignup {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  activityDayId!: string;

  @ManyToOne(() => ActivityDay, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_day_id' })
  activityDay?: ActivityDay;

  @Index()
  @Column({ type: 'uuid' })
  engagementId!: string;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement;

  @Column({
    type: 'enum',
    enum: ActivityDaySignupStatus,
    enumName: 'activity_day_signup_status',
  })
  status!: ActivityDaySignupStatus;

  @Column({ type: 'timestamptz' })
  signedUpAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  // Taken by the region: null until then.
  @Column({ type: 'boolean', nullable: true })
  attended!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceRecordedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  checkInId!: string | null;

  @ManyToOne(() => EngagementCheckIn, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'check_in_id' })
  checkIn?: EngagementCheckIn;

  // The day-before reminder, sent once.
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

export const ACTIVITY_DAY_ENTITIES = [ActivityDay, ActivityDaySignup];
