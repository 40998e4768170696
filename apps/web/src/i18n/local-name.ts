// Reference data (themes, prefectures, skills) carries a Japanese and an English name.
export function localName(
  item: { name: string; nameEn?: string | null },
  language: string,
): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}
