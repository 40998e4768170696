import type { SkillCategory } from './skill-category.entity';
import type { LoadedSkill } from './skill.service';
import type { SkillCategoryType, SkillType, ThemeType } from './taxonomy.types';
import type { Theme } from './theme.entity';

export function toThemeType(theme: Theme): ThemeType {
  return { code: theme.code, name: theme.nameJa, nameEn: theme.nameEn };
}

export function toSkillCategoryType(category: SkillCategory): SkillCategoryType {
  return { code: category.code, name: category.nameJa, nameEn: category.nameEn };
}

export function toSkillType(skill: LoadedSkill): SkillType {
  return {
    id: skill.id,
    code: skill.code,
    name: skill.nameJa,
    nameEn: skill.nameEn,
    category: toSkillCategoryType(skill.category),
    aliases: skill.aliases.map((a) => a.alias),
  };
}
