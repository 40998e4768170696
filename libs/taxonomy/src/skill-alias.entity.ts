import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Skill } from './skill.entity';

// Every name a skill answers to (its Japanese and English names and synonyms such as
// デザイン / design / UIデザイン). `normalized` is unique across the taxonomy, so a name resolves
// to at most one skill.
@Entity()
export class SkillAlias {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  skillId!: string;

  @ManyToOne(() => Skill, (skill) => skill.aliases, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;

  // As entered, for display.
  @Column({ type: 'text' })
  alias!: string;

  // NFKC, lower-cased, without spaces or middle dots: see normalizeSkillName.
  @Column({ type: 'text', unique: true })
  normalized!: string;
}
