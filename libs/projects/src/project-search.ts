// Pure helpers for free-text project search.

// NFKC folds full-width letters and half-width kana, so "ＩＴ" finds "IT" and "ｶﾌｪ" finds "カフェ".
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s\u3000]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

// A term as an ILIKE pattern that matches it anywhere, with LIKE's wildcards taken literally.
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
