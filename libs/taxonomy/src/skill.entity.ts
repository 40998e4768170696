import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { SkillAlias } from './skill-alias.entity';
import { SkillCategory } from './skill-category.entity';

// A skill of the platform taxonomy. Profiles and projects reference skills only from here.
@Entity()
export class Skill {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // Stable slug, e.g. "ui-design".
  @Column({ type: 'text', unique: true })
  code!: string;

  @Index()
  @Column({ type: 'text' })
  categoryCode!: string;

  @ManyToOne(() => SkillCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code' })
  category?: SkillCategory;

  @Column({ type: 'text' })
  nameJa!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @OneToMany('SkillAlias', (alias: SkillAlias) => alias.skill)
  aliases?: SkillAlias[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
