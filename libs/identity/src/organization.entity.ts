import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { RemitArea } from './remit-area.entity';

export enum OrganizationKind {
  REGION = 'REGION',
  INTERMEDIARY = 'INTERMEDIARY',
  COMPANY = 'COMPANY',
  PLATFORM = 'PLATFORM',
}

@Entity()
@Check('organization_region_has_municipality', `kind <> 'REGION' OR municipality_code IS NOT NULL`)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Column({ type: 'text' })
  name!: string;

  // For a REGION: the municipality it belongs to (全国地方公共団体コード, 6 digits).
  @Column({ type: 'char', length: 6, nullable: true })
  municipalityCode!: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  prefectureCode!: string | null;

  @OneToMany('RemitArea', (area: RemitArea) => area.organization)
  remit?: RemitArea[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
