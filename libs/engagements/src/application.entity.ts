import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Project } from '@tsunagu/projects';
import { ParticipantProfile } from '@tsunagu/participants';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
}

// A participant's application to a project: the start of an engagement.
@Entity()
@Index('application_project_participant_key', ['projectId', 'participantId'], { unique: true })
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Index()
  @Column({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  @Column({ type: 'text' })
  motivation!: string;

  @Column({
    type: 'enum',
    enum: ApplicationStatus,
    enumName: 'application_status',
    default: ApplicationStatus.SUBMITTED,
  })
  status!: ApplicationStatus;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
