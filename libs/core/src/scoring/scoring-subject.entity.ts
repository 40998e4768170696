import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ScoringSubjectKind {
  PARTICIPANT = 'PARTICIPANT',
  PROJECT = 'PROJECT',
}

// How fresh one participant's or project's stored recommendations are. Every change that affects
// matching bumps `revision` in the change's own transaction; a scoring job records the revision
// it read as `scoredRevision`, and a result computed from an older revision is never stored over
// a newer one.
@Entity()
export class ScoringSubject {
  @PrimaryColumn({ type: 'enum', enum: ScoringSubjectKind, enumName: 'scoring_subject_kind' })
  kind!: ScoringSubjectKind;

  @PrimaryColumn({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'bigint', default: 0 })
  revision!: string;

  @Column({ type: 'bigint', default: 0 })
  scoredRevision!: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  scoredAt!: Date | null;
}
