import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountToken } from './account-token.entity';
import { User } from './user.entity';

export enum AccountMailKind {
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  RESET_PASSWORD = 'RESET_PASSWORD',
  CONFIRM_NEW_EMAIL = 'CONFIRM_NEW_EMAIL',
  // To the old address once the change took effect.
  EMAIL_CHANGED = 'EMAIL_CHANGED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
}

// A transactional e-mail about the account: written in the transaction of the change and sent by
// the worker ('account.mail'), at most once after the SMTP server accepted it. Not a
// notification: no preference switches these off.
@Entity()
export class AccountMail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  kind!: AccountMailKind;

  @Column({ type: 'text' })
  toAddress!: string;

  @Column({ type: 'uuid', nullable: true })
  tokenId!: string | null;

  @ManyToOne(() => AccountToken, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'token_id' })
  token?: AccountToken;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
