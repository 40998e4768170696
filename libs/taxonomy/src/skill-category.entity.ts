import { Column, Entity, PrimaryColumn } from 'typeorm';

// A group of skills (IT, design, agriculture…) for browsing and reporting.
@Entity()
export class SkillCategory {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  nameJa!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
