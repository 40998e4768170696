// The form skill names are compared in: NFKC (full-width → half-width, ｶﾅ → カナ), lower-case,
// without spaces, middle dots, hyphens or slashes — so "UI デザイン", "ui・design" and "UIデザイン"
// compare by their letters alone.
export function normalizeSkillName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・·\-_/／]+/g, '');
}
