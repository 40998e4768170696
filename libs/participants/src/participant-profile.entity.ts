import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '@tsunagu/identity';

export enum ParticipantKind {
  PRO_BONO = 'PRO_BONO',
  UNIVERSITY_STUDENT = 'UNIVERSITY_STUDENT',
  HIGH_SCHOOL_STUDENT = 'HIGH_SCHOOL_STUDENT',
  COMPANY_EMPLOYEE = 'COMPANY_EMPLOYEE',
}

// The participant side of a person: one profile per user.
@Entity()
export class ParticipantProfile {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'enum', enum: ParticipantKind, enumName: 'participant_kind' })
  kind!: ParticipantKind;

  @Column({ type: 'char', length: 6, nullable: true })
  homeMunicipalityCode!: string | null;

  @Column({ type: 'text', default: '' })
  bio!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
