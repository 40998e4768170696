import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization, User } from '@tsunagu/identity';
import { ParticipantProfile } from '@tsunagu/participants';
import { Project } from '@tsunagu/projects';
import { Engagement } from '../lifecycle/engagement.entity';

export enum ScoutOfferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  // Usually derived (PENDING past expiresAt). Stored only when a newer offer for the same
  // participant and project replaces an expired one, to free the one-pending-offer index.
  EXPIRED = 'EXPIRED',
}

// A region or intermediary invites a participant to a project. Expiry needs no job: a PENDING
// offer past expiresAt reads as EXPIRED and can no longer be accepted.
@Entity()
@Index('scout_offer_one_pending_key', ['projectId', 'participantId'], {
  unique: true,
  where: `"status" = 'PENDING'`,
})
@Index('scout_offer_participant_listing_idx', ['participantId', 'createdAt', 'id'])
@Index('scout_offer_project_listing_idx', ['projectId', 'createdAt', 'id'])
export class ScoutOffer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  // The region or intermediary the offer comes from.
  @Index()
  @Column({ type: 'uuid' })
  senderOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sender_organization_id' })
  senderOrganization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  sentById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sent_by_id' })
  sentBy?: User | null;

  @Column({ type: 'text' })
  message!: string;

  @Column({
    type: 'enum',
    enum: ScoutOfferStatus,
    enumName: 'scout_offer_status',
    default: ScoutOfferStatus.PENDING,
  })
  status!: ScoutOfferStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  respondedAt!: Date | null;

  // What the participant wrote when answering (on accept it is also the application's motivation).
  @Column({ type: 'text', nullable: true })
  responseNote!: string | null;

  // The application an accepted offer created.
  @Index({ unique: true, where: '"engagement_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  engagementId!: string | null;

  @ManyToOne(() => Engagement, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// The status clients see: a PENDING offer past its expiry is EXPIRED.
export function scoutOfferStatusAt(
  offer: Pick<ScoutOffer, 'status' | 'expiresAt'>,
  now: Date,
): ScoutOfferStatus {
  return offer.status === ScoutOfferStatus.PENDING && offer.expiresAt <= now
    ? ScoutOfferStatus.EXPIRED
    : offer.status;
}
