import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParticipantProfile } from '@tsunagu/participants';
import { Cohort } from './cohort.entity';

// A participant in a cohort: they rank its projects and the allocation places them.
@Entity()
@Index('cohort_member_participant_idx', ['participantId'])
export class CohortMember {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @PrimaryColumn({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  addedAt!: Date;
}
