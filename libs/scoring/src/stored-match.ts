import { ParticipantProfile } from '@tsunagu/participants';
import { Project } from '@tsunagu/projects';
import { Column, JoinColumn, ManyToOne } from 'typeorm';
import type { StoredFactor } from './stored-factors';

// What both recommendation tables keep of a match: its place in the list and its explanation.
export abstract class StoredMatch {
  @Column({ type: 'uuid', primary: true })
  participantId!: string;

  @ManyToOne(() => ParticipantProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantProfile;

  @Column({ type: 'uuid', primary: true })
  projectId!: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  // 1 = best.
  @Column({ type: 'smallint' })
  rank!: number;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'text' })
  weightsVersion!: string;

  // Packed (see stored-factors.ts); json, not jsonb: kept as written, never queried into.
  @Column({ type: 'json' })
  factors!: StoredFactor[];

  @Column({ type: 'timestamptz', precision: 3 })
  computedAt!: Date;
}
