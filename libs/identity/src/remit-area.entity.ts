import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization } from './organization.entity';

// One area an intermediary is funded to cover: a whole prefecture or a single municipality.
@Entity()
@Check('remit_area_one_scope', `(prefecture_code IS NULL) <> (municipality_code IS NULL)`)
@Index('remit_area_prefecture_key', ['organizationId', 'prefectureCode'], {
  unique: true,
  where: 'prefecture_code IS NOT NULL',
})
@Index('remit_area_municipality_key', ['organizationId', 'municipalityCode'], {
  unique: true,
  where: 'municipality_code IS NOT NULL',
})
export class RemitArea {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, (org) => org.remit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'char', length: 2, nullable: true })
  prefectureCode!: string | null;

  @Column({ type: 'char', length: 6, nullable: true })
  municipalityCode!: string | null;
}
