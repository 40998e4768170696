import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type Locale = 'ja' | 'en';

@Entity()
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // Stored lower-cased and trimmed; unique.
  @Column({ type: 'text', unique: true })
  email!: string;

  // argon2id hash; never leaves this context.
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text', default: 'ja' })
  locale!: Locale;

  // IANA time zone: when the daily digest goes out, and the times shown in it.
  @Column({ type: 'text', default: 'Asia/Tokyo' })
  timeZone!: string;

  // Set when the person followed a verification link sent to `email`; until then they may browse
  // and build a profile but not apply (EMAIL_NOT_VERIFIED).
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  emailVerifiedAt!: Date | null;

  // The account was deleted: it cannot sign in, and its personal data is erased. The row stays
  // because engagement records that regions keep point at it (anonymised).
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
