import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

export enum AccountTokenPurpose {
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  RESET_PASSWORD = 'RESET_PASSWORD',
  CHANGE_EMAIL = 'CHANGE_EMAIL',
}

// A single-use link sent by e-mail. Only a hash of the token is stored; the mailer derives the
// token again from the row's id and the server secret (see AccountTokens), so neither the
// database nor the queue ever holds a usable link.
@Entity()
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  purpose!: AccountTokenPurpose;

  // SHA-256 of the token.
  @Column({ type: 'text', unique: true })
  tokenHash!: string;

  // The address the link was sent to: the one it verifies (or, for a change, the new one).
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
