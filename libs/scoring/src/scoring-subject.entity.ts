import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ScoringSubjectKind {
  PARTICIPANT = 'PARTICIPANT',
  PROJECT = 'PROJECT',
}

// How fresh one participant's or project's stored recommendations are. Every change that affects
// matching bumps `revision` in the change's own transaction; a scoring job records the revision
// it read as `scoredRevision` (with the time it read the facts), and a result computed from older
// data is never stored over newer.
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

  // When the stored lists' facts were read: at an equal revision the later reading wins.
  @Column({ type: 'timestamptz', nullable: true })
  scoredReadAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  scoredAt!: Date | null;
}
