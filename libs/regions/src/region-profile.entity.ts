import { Organization } from '@tsunagu/identity';
import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

// What a region says about itself on its public page, and its population by 5-year age group
// and sex (index 0 = 0–4 … 18 = 90 and over) as counted in the census year.
@Entity()
@Check(
  'region_profile_population_shape',
  `(census_year IS NULL AND male_population IS NULL AND female_population IS NULL)
   OR (census_year BETWEEN 1920 AND 2100
       AND cardinality(male_population) = 19 AND cardinality(female_population) = 19
       AND 0 <= ALL(male_population) AND 0 <= ALL(female_population))`,
)
export class RegionProfile {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'smallint', nullable: true })
  censusYear!: number | null;

  @Column({ type: 'int', array: true, nullable: true })
  malePopulation!: number[] | null;

  @Column({ type: 'int', array: true, nullable: true })
  femalePopulation!: number[] | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  populationUpdatedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
