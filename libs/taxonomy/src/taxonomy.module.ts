import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@tsunagu/identity';
import { SkillAdminService } from './skill-admin.service';
import { SkillAlias } from './skill-alias.entity';
import { SkillCategory } from './skill-category.entity';
import { Skill } from './skill.entity';
import { SkillService } from './skill.service';
import { Theme } from './theme.entity';
import { ThemeService } from './theme.service';

// Shared vocabularies: themes and the skill taxonomy.
@Module({
  imports: [TypeOrmModule.forFeature([Theme, SkillCategory, Skill, SkillAlias]), IdentityModule],
  providers: [SkillAdminService, SkillService, ThemeService],
  exports: [SkillAdminService, SkillService, ThemeService],
})
export class TaxonomyModule {}
