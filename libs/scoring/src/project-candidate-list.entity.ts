import { Project } from '@tsunagu/projects';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

// A published project's top-K candidate participants as last computed: one row, best first, the
// i-th score belonging to the i-th participant; all scored with the project's weights.
@Entity()
// GIN over the ids, for finding the lists that hold a subject (RecommendationListMembers).
@Index('project_candidate_list_participant_ids_idx', { synchronize: false })
export class ProjectCandidateList {
  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  // Participants deleted since stay until the next re-score; reads join the live profiles.
  @Column({ type: 'uuid', array: true })
  participantIds!: string[];

  @Column({ type: 'double precision', array: true })
  scores!: number[];

  @Column({ type: 'text' })
  weightsVersion!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  computedAt!: Date;
}
