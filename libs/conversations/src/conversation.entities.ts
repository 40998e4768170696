import { User } from '@tsunagu/identity';
import { Engagement, ScoutOffer } from '@tsunagu/engagements';
import { Project } from '@tsunagu/projects';
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
} from 'typeorm';

export const MESSAGE_MAX = 2000;

// In which capacity someone takes part in a thread (and wrote a message).
export enum ConversationRole {
  PARTICIPANT = 'PARTICIPANT',
  REGION = 'REGION',
  INTERMEDIARY = 'INTERMEDIARY',
}

// One thread per engagement (application) and one per scout offer, between the participant, the
// project's region and the intermediaries covering its place. The project and participant are
// copied from the parent so access and inbox queries need no join through it.
@Entity()
@Check('conversation_one_parent', `num_nonnulls(engagement_id, scout_offer_id) = 1`)
@Check('conversation_message_count_range', `message_count >= 0`)
@Index('conversation_participant_inbox_idx', ['participantId', 'lastActivityAt', 'id'])
@Index('conversation_project_inbox_idx', ['projectId', 'lastActivityAt', 'id'])
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('conversation_engagement_key', { unique: true, where: '"engagement_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  engagementId!: string | null;

  @ManyToOne(() => Engagement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement | null;

  @Index('conversation_scout_offer_key', { unique: true, where: '"scout_offer_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  scoutOfferId!: string | null;

  @ManyToOne(() => ScoutOffer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scout_offer_id' })
  scoutOffer?: ScoutOffer | null;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: User;

  // Messages so far: the next message's sequence number minus one, taken under the row's lock.
  @Column({ type: 'integer', default: 0 })
  messageCount!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastMessageAt!: Date | null;

  // The inbox order: the last message, or the thread's creation while it has none.
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// Text only; numbered in the thread in the order the sends committed.
@Entity()
@Index('conversation_message_seq_key', ['conversationId', 'seq'], { unique: true })
@Check('conversation_message_body_length', `char_length(body) BETWEEN 1 AND ${MESSAGE_MAX}`)
export class ConversationMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column({ type: 'integer' })
  seq!: number;

  // Kept when the author's account goes: the others still need what was said.
  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User | null;

  @Column({ type: 'enum', enum: ConversationRole, enumName: 'conversation_role' })
  authorRole!: ConversationRole;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

// How far each person has read a thread: unread = messageCount - lastReadSeq.
@Entity()
export class ConversationReadMarker {
  @PrimaryColumn({ type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'integer' })
  lastReadSeq!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  readAt!: Date;
}

export const CONVERSATION_ENTITIES = [Conversation, ConversationMessage, ConversationReadMarker];
