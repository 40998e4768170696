import { ParticipantProfile } from '@tsunagu/participants';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

// A participant's top-K published projects as last computed: one row, best first, the i-th score
// and weights version belonging to the i-th project. Explanations are worked out when the list is
// read (a pure function of the facts, the weights and the score), so none is stored.
@Entity()
// GIN over the ids, for finding the lists that hold a subject (RecommendationListMembers).
@Index('participant_recommendation_list_project_ids_idx', { synchronize: false })
export class ParticipantRecommendationList {
  @PrimaryColumn({ type: 'uuid' })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  // Projects deleted since stay until the next re-score; reads join the live projects.
  @Column({ type: 'uuid', array: true })
  projectIds!: string[];

  @Column({ type: 'double precision', array: true })
  scores!: number[];

  // A project of a program with its own weights is scored with those.
  @Column({ type: 'text', array: true })
  weightsVersions!: string[];

  @Column({ type: 'timestamptz', precision: 3 })
  computedAt!: Date;
}
