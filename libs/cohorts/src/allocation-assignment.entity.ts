import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Engagement } from '@tsunagu/engagements';
import { ParticipantProfile } from '@tsunagu/participants';
import { Project } from '@tsunagu/projects';
import { Allocation } from './allocation.entity';

// A participant placed on a project by an allocation. A participant left unassigned has no row.
@Entity()
@Index('allocation_assignment_project_idx', ['allocationId', 'projectId'])
export class AllocationAssignment {
  @PrimaryColumn({ type: 'uuid' })
  allocationId!: string;

  @ManyToOne(() => Allocation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'allocation_id' })
  allocation?: Allocation;

  @PrimaryColumn({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'double precision' })
  score!: number;

  // 1-based position of the project in the participant's ranking.
  @Column({ type: 'smallint' })
  rank!: number;

  // Placed by the intermediary rather than by the algorithm.
  @Column({ type: 'boolean', default: false })
  adjusted!: boolean;

  // Set on confirmation: the application created (or the one the participant had already made).
  @Column({ type: 'uuid', nullable: true })
  engagementId!: string | null;

  @ManyToOne(() => Engagement, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: Engagement | null;
}
