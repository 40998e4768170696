import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Skill } from '@tsunagu/taxonomy';
import { ParticipantProfile } from './participant-profile.entity';

// A skill a participant has, at a self-assessed level 1–5.
@Entity()
@Check('participant_skill_level_range', 'level BETWEEN 1 AND 5')
@Index('participant_skill_skill_idx', ['skillId', 'level'])
export class ParticipantSkill {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => ParticipantProfile, (profile) => profile.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  participant?: ParticipantProfile;

  @PrimaryColumn({ type: 'uuid' })
  skillId!: string;

  @ManyToOne(() => Skill, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill?: Skill;

  @Column({ type: 'smallint' })
  level!: number;
}
