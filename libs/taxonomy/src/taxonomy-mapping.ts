import type { Theme } from './theme.entity';
import type { ThemeType } from './taxonomy.types';

export function toThemeType(theme: Theme): ThemeType {
  return { code: theme.code, name: theme.nameJa, nameEn: theme.nameEn };
}
