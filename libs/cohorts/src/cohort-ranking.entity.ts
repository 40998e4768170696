import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CohortMember } from './cohort-member.entity';
import { CohortProject } from './cohort-project.entity';

// One line of a member's ranking: 1 = the project they would most like to join. The composite
// foreign keys keep rankings to the cohort's own members and projects.
@Entity()
@Check('cohort_ranking_rank_positive', 'rank >= 1')
@Index('cohort_ranking_rank_key', ['cohortId', 'participantId', 'rank'], { unique: true })
export class CohortRanking {
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @PrimaryColumn({ type: 'uuid' })
  participantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'smallint' })
  rank!: number;

  @ManyToOne(() => CohortMember, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'cohort_id', referencedColumnName: 'cohortId' },
    { name: 'participant_id', referencedColumnName: 'participantId' },
  ])
  member?: CohortMember;

  @ManyToOne(() => CohortProject, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'cohort_id', referencedColumnName: 'cohortId' },
    { name: 'project_id', referencedColumnName: 'projectId' },
  ])
  cohortProject?: CohortProject;
}
