import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Skill } from '@tsunagu/taxonomy';
import { Project } from './project.entity';

export enum SkillRequirement {
  MUST = 'MUST',
  NICE = 'NICE',
}

// A skill a project asks for: must-have or nice-to-have, with a minimum level and a weight.
@Entity()
@Check('project_skill_level_range', 'min_level BETWEEN 1 AND 5')
@Check('project_skill_weight_range', 'weight BETWEEN 1 AND 5')
@Index('project_skill_skill_idx', ['skillId', 'requirement'])
export class ProjectSkill {
  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => Project, (project) => project.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @PrimaryColumn({ type: 'uuid' })
  skillId!: string;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;

  @Column({ type: 'enum', enum: SkillRequirement, enumName: 'skill_requirement' })
  requirement!: SkillRequirement;

  @Column({ type: 'smallint' })
  minLevel!: number;

  @Column({ type: 'smallint', default: 3 })
  weight!: number;
}
