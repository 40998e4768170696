import { User } from '@tsunagu/identity';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Program } from '../program.entity';

// The figures a program sets targets for: those the KPI report computes (insights) and the
// briefing's KPIs speak of, the relationship population above all (people matched).
export enum ProgramKpiMetric {
  PROJECTS_PUBLISHED = 'PROJECTS_PUBLISHED',
  APPLICATIONS = 'APPLICATIONS',
  MATCHES = 'MATCHES',
  PARTICIPANTS = 'PARTICIPANTS',
  COMPLETED_ENGAGEMENTS = 'COMPLETED_ENGAGEMENTS',
  HOURS_CONTRIBUTED = 'HOURS_CONTRIBUTED',
}

// Metrics counted in whole units (hours may have decimals).
export const COUNTED_METRICS: ReadonlySet<ProgramKpiMetric> = new Set([
  ProgramKpiMetric.PROJECTS_PUBLISHED,
  ProgramKpiMetric.APPLICATIONS,
  ProgramKpiMetric.MATCHES,
  ProgramKpiMetric.PARTICIPANTS,
  ProgramKpiMetric.COMPLETED_ENGAGEMENTS,
]);

// A program's target for one metric in one fiscal year: one row, whoever saves it last.
@Entity()
@Check('program_kpi_target_positive', `"target" > 0`)
export class ProgramKpiTarget {
  @PrimaryColumn({ type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @PrimaryColumn({ type: 'smallint' })
  fiscalYear!: number;

  @PrimaryColumn({ type: 'text' })
  metric!: ProgramKpiMetric;

  @Column({ type: 'double precision' })
  target!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_user_id' })
  updatedBy?: User | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

// The program's PDCA notes for a fiscal year (計画・実行・評価・改善), kept for the report.
@Entity()
export class ProgramReview {
  @PrimaryColumn({ type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: Program;

  @PrimaryColumn({ type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'text' })
  plan!: string;

  @Column({ type: 'text' })
  execution!: string;

  @Column({ type: 'text' })
  evaluation!: string;

  @Column({ type: 'text' })
  improvement!: string;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_user_id' })
  updatedBy?: User | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
