import { Organization, User } from '@tsunagu/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

// A message one member's staff sent another member through the platform: kept so the sending
// rate can be limited and what was sent shown again. Neither side sees the other's addresses.
@Entity('council_contacts')
@Index('council_contact_sender_idx', ['senderId', 'createdAt'])
@Index('council_contact_pair_idx', ['fromOrganizationId', 'toOrganizationId', 'createdAt'])
export class CouncilContact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  fromOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_organization_id' })
  fromOrganization?: Organization;

  @Index()
  @Column({ type: 'uuid' })
  toOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_organization_id' })
  toOrganization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  senderId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sender_id' })
  sender?: User;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
