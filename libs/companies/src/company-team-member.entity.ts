import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@tsunagu/identity';
import { CompanyTeam } from './company-team.entity';

@Entity()
export class CompanyTeamMember {
  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => CompanyTeam, (team) => team.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: CompanyTeam;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
