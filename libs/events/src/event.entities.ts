import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization, User } from '@tsunagu/identity';
import { ParticipantKind } from '@tsunagu/participants';

export enum EventFormat {
  ONLINE = 'ONLINE',
  ON_SITE = 'ON_SITE',
  HYBRID = 'HYBRID',
}

// What kind of gathering it is; a matching seminar may seed a cohort from its attendees.
export enum EventKind {
  MATCHING_SEMINAR = 'MATCHING_SEMINAR',
  WORKSHOP = 'WORKSHOP',
  GATHERING = 'GATHERING',
  OTHER = 'OTHER',
}

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}

export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

export enum ReminderKind {
  DAY_BEFORE = 'DAY_BEFORE',
  HOUR_BEFORE = 'HOUR_BEFORE',
}

// An event an intermediary or a region organises: online, on site or both. `registeredCount`
// is kept on the row so one guarded UPDATE admits a registrant without ever exceeding capacity.
@Entity('community_event')
@Check('community_event_ends_after_start', 'ends_at > starts_at')
@Check('community_event_capacity_positive', 'capacity IS NULL OR capacity >= 1')
@Check('community_event_within_capacity', 'capacity IS NULL OR registered_count <= capacity')
@Check('community_event_count_not_negative', 'registered_count >= 0')
@Check(
  'community_event_place_when_on_site',
  `format = 'ONLINE' OR (municipality_code IS NOT NULL AND venue IS NOT NULL)`,
)
@Check('community_event_link_when_online', `format = 'ON_SITE' OR meeting_url IS NOT NULL`)
@Index('community_event_status_starts_idx', ['status', 'startsAt'])
export class CommunityEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  organizerOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizer_organization_id' })
  organizer?: Organization;

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind', default: EventKind.OTHER })
  kind!: EventKind;

  @Column({ type: 'enum', enum: EventFormat, enumName: 'event_format' })
  format!: EventFormat;

  @Column({ type: 'enum', enum: EventStatus, enumName: 'event_status', default: EventStatus.DRAFT })
  status!: EventStatus;

  @Column({ type: 'text' })
  titleJa!: string;

  @Column({ type: 'text', nullable: true })
  titleEn!: string | null;

  @Column({ type: 'text' })
  descriptionJa!: string;

  @Column({ type: 'text', nullable: true })
  descriptionEn!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themeCodes!: string[];

  // Empty: open to every kind of participant.
  @Column({
    type: 'enum',
    enum: ParticipantKind,
    enumName: 'participant_kind',
    array: true,
    default: () => "'{}'",
  })
  audienceKinds!: ParticipantKind[];

  // A member event of the council: only staff of its approved member organisations register.
  @Column({ default: false })
  forCouncilMembers!: boolean;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  // The zone the organiser gave the times in, shown beside them.
  @Column({ type: 'text' })
  timeZone!: string;

  // Shown to registrants only.
  @Column({ type: 'text', nullable: true })
  meetingUrl!: string | null;

  @Index()
  @Column({ type: 'char', length: 6, nullable: true })
  municipalityCode!: string | null;

  // The prefecture of the place, for search (the first two digits of the municipality code).
  @Column({ type: 'char', length: 2, nullable: true })
  prefectureCode!: string | null;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  // Null: no limit.
  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Column({ type: 'int', default: 0 })
  registeredCount!: number;

  // The cohort a matching seminar seeded, once.
  @Column({ type: 'uuid', nullable: true })
  cohortId!: string | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

// A region presenting at an event (a matching seminar's projects come from these regions).
@Entity()
export class EventPresenter {
  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => CommunityEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: CommunityEvent;

  @PrimaryColumn({ type: 'uuid' })
  regionOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_organization_id' })
  region?: Organization;
}

// One person's place at an event: registered, waiting (in order of `requestedAt`) or cancelled.
// Registering again after a cancellation reuses the row.
@Entity()
@Index('event_registration_event_user_key', ['eventId', 'userId'], { unique: true })
@Index('event_registration_waiting_idx', ['eventId', 'status', 'requestedAt'])
@Check('event_registration_attendance_when_registered', `attended IS NULL OR status = 'REGISTERED'`)
export class EventRegistration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => CommunityEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: CommunityEvent;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'event_registration_status' })
  status!: RegistrationStatus;

  // When they asked for a place: the waiting list's order.
  @Column({ type: 'timestamptz', precision: 6 })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  promotedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  // Taken by the organiser: null until then.
  @Column({ type: 'boolean', nullable: true })
  attended!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceRecordedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// A reminder due to a registrant, at a time computed in their time zone. The sweep claims it
// by setting sentAt in the transaction that records the event, so it is sent exactly once.
@Entity()
@Index('event_reminder_due_idx', ['dueAt'], { where: 'sent_at IS NULL' })
export class EventReminder {
  @PrimaryColumn({ type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: EventRegistration;

  @PrimaryColumn({ type: 'enum', enum: ReminderKind, enumName: 'event_reminder_kind' })
  kind!: ReminderKind;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}

export const EVENT_ENTITIES = [CommunityEvent, EventPresenter, EventRegistration, EventReminder];
