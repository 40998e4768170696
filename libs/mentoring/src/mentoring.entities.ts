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

export enum MentoringFormat {
  ONLINE = 'ONLINE',
  ON_SITE = 'ON_SITE',
}

export enum MentoringBookingStatus {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
}

export enum MentoringCancelledBy {
  MEMBER = 'MEMBER',
  MENTOR = 'MENTOR',
}

// A person a platform admin appointed to mentor council members, with the profile members choose
// them by.
@Entity()
export class Mentor {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('mentor_user_key', { unique: true })
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  bioJa!: string;

  @Column({ type: 'text', nullable: true })
  bioEn!: string | null;

  // What they help with: theme codes of the taxonomy.
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themeCodes!: string[];

  @Column({ type: 'boolean', default: true })
  offersOnline!: boolean;

  @Column({ type: 'boolean', default: false })
  offersOnSite!: boolean;

  @Column({ type: 'uuid', nullable: true })
  appointedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'appointed_by_id' })
  appointedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  appointedAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

// An hour a mentor offers. Removed slots stay (their cancelled bookings point at them) but leave
// the mentor's calendar; overlaps between a mentor's live slots are refused under the mentor's
// row lock.
@Entity()
@Check('mentoring_slot_ends_after_start', 'ends_at > starts_at')
@Check('mentoring_slot_link_when_online', `format = 'ON_SITE' OR meeting_url IS NOT NULL`)
@Check('mentoring_slot_place_when_on_site', `format = 'ONLINE' OR place IS NOT NULL`)
@Index('mentoring_slot_mentor_starts_idx', ['mentorId', 'startsAt'])
export class MentoringSlot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mentorId!: string;

  @ManyToOne(() => Mentor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: Mentor;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  // The zone the mentor gave the times in, shown beside them.
  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'enum', enum: MentoringFormat, enumName: 'mentoring_format' })
  format!: MentoringFormat;

  // Shown to the booking organisation only.
  @Column({ type: 'text', nullable: true })
  meetingUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// A member organisation's 1-on-1 session in a slot, about one of its initiatives. At most one
// BOOKED booking per slot (a partial unique index behind the slot's row lock); the slot's times
// are copied so an organisation's overlapping sessions are found without a join.
@Entity()
@Index('mentoring_booking_slot_booked_key', ['slotId'], {
  unique: true,
  where: `status = 'BOOKED'`,
})
@Index('mentoring_booking_organization_starts_idx', ['organizationId', 'startsAt'])
@Check('mentoring_booking_ends_after_start', 'ends_at > starts_at')
@Check(
  'mentoring_booking_cancel_complete',
  `(status = 'BOOKED' AND cancelled_at IS NULL AND cancelled_by IS NULL) OR (status = 'CANCELLED' AND cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL)`,
)
@Check(
  'mentoring_booking_mentor_gives_reason',
  `cancelled_by IS DISTINCT FROM 'MENTOR' OR cancel_reason IS NOT NULL`,
)
export class MentoringBooking {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  slotId!: string;

  @ManyToOne(() => MentoringSlot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'slot_id' })
  slot?: MentoringSlot;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  bookedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'booked_by_id' })
  bookedBy?: User;

  // The initiative the session polishes: sessions with the same title make its history.
  @Column({ type: 'text' })
  initiativeTitle!: string;

  // What the member wants to polish.
  @Column({ type: 'text' })
  polish!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({
    type: 'enum',
    enum: MentoringBookingStatus,
    enumName: 'mentoring_booking_status',
    default: MentoringBookingStatus.BOOKED,
  })
  status!: MentoringBookingStatus;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({
    type: 'enum',
    enum: MentoringCancelledBy,
    enumName: 'mentoring_cancelled_by',
    nullable: true,
  })
  cancelledBy!: MentoringCancelledBy | null;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  // The member cancelled within 24 hours of the start: allowed, and recorded.
  @Column({ type: 'boolean', default: false })
  lateCancellation!: boolean;

  // The mentor's notes, seen by the member organisation's staff.
  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  notesUpdatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// Something the member organisation takes away from a session; its staff tick it done.
@Entity()
export class MentoringFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => MentoringBooking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id' })
  booking?: MentoringBooking;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  doneById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'done_by_id' })
  doneBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

export const MENTORING_ENTITIES = [Mentor, MentoringSlot, MentoringBooking, MentoringFollowUp];
