import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ParticipantProfile } from '../participant-profile.entity';

// What a minor asks to join, each needing its own consent.
export enum ConsentSubjectKind {
  ENGAGEMENT = 'ENGAGEMENT',
  EVENT_REGISTRATION = 'EVENT_REGISTRATION',
}

export enum GuardianConsentStatus {
  PENDING = 'PENDING',
  GIVEN = 'GIVEN',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}

// What the guardian is shown, copied when the request is made: the page and the record say what
// the child asked to join then, even if the project or event changes later.
export interface ConsentSubjectFacts {
  title: string;
  regionName: string | null;
  // YYYY-MM-DD, or an ISO instant for events.
  startsOn: string;
  endsOn: string | null;
  supervisorNames: string[];
  // Where the guardian can ask questions: the organiser's or supervisor's name on Tsunagu.
  contactName: string | null;
}

// A guardian's consent for one engagement or event registration of a participant under 18. Only
// a hash of the link's token is kept; a new link (re-send) replaces it.
@Entity()
@Unique('guardian_consent_subject_key', ['subjectKind', 'subjectId'])
export class GuardianConsent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  @Column({ type: 'text' })
  subjectKind!: ConsentSubjectKind;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'jsonb' })
  facts!: ConsentSubjectFacts;

  @Column({ type: 'text', default: GuardianConsentStatus.PENDING })
  status!: GuardianConsentStatus;

  // Where the link was sent: the address the guardian's answer verifies.
  @Column({ type: 'text' })
  guardianEmail!: string;

  // SHA-256 of the newest link's token; the link expires at tokenExpiresAt.
  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  tokenExpiresAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  lastSentAt!: Date;

  // The answer: who (the name the guardian typed), when, and the words they agreed to.
  @Column({ type: 'text', nullable: true })
  decidedByName!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  statementVersion!: string | null;

  @Column({ type: 'text', nullable: true })
  statementText!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

export enum GuardianMailKind {
  // The request for consent, with the link (derived from the mail's id).
  CONSENT_REQUEST = 'CONSENT_REQUEST',
  // A copy of a message written to the child in the thread of the engagement consented to, or of
  // a scout offer they received (no consent then: the row names the participant).
  MESSAGE_COPY = 'MESSAGE_COPY',
  // A copy of a scout offer's own message to the child: one per offer.
  SCOUT_OFFER_COPY = 'SCOUT_OFFER_COPY',
  // To the earlier address, when the request was sent again to a corrected one.
  REQUEST_MOVED = 'REQUEST_MOVED',
}

// What a message copy says, kept only until it is sent.
export interface GuardianMessageCopyContent {
  senderOrganization: string;
  body: string;
  // Scout offers' copies: there is no consent whose facts name the project.
  projectTitle?: string;
}

// One e-mail to a guardian, sent by the worker ('guardian.mail') at most once. A consent
// request's id is what the link's token is derived from, so the row carries no usable link.
// Copies of scout offers and their threads come before any consent: they name the participant.
@Entity()
@Check('guardian_consent_mail_whose', `num_nonnulls(consent_id, participant_id) >= 1`)
export class GuardianConsentMail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  consentId!: string | null;

  @ManyToOne(() => GuardianConsent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consent_id' })
  consent?: GuardianConsent;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  participantId!: string | null;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile | null;

  // The scout offer a SCOUT_OFFER_COPY is of: one copy per offer.
  @Index('guardian_consent_mail_scout_offer_key', {
    unique: true,
    where: `"scout_offer_id" IS NOT NULL AND "kind" = 'SCOUT_OFFER_COPY'`,
  })
  @Column({ type: 'uuid', nullable: true })
  scoutOfferId!: string | null;

  @Column({ type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  locale!: string;

  @Column({ type: 'text', default: GuardianMailKind.CONSENT_REQUEST })
  kind!: GuardianMailKind;

  // The message a MESSAGE_COPY is of: one copy per message.
  @Index('guardian_consent_mail_message_key', { unique: true, where: '"message_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  messageId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  content!: GuardianMessageCopyContent | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
