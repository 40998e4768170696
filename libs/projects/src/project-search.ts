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

// Katakana (and 。「」、・ー) → their half-width forms, derived from NFKC itself: ガ → ｶﾞ.
const HALF_WIDTH_KANA: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let code = 0xff61; code <= 0xff9d; code++) {
    for (const mark of ['', '\uff9e', '\uff9f']) {
      const half = String.fromCharCode(code) + mark;
      const full = half.normalize('NFKC');
      if ([...full].length === 1 && !map.has(full)) map.set(full, half);
    }
  }
  return map;
})();

// A (NFKC-folded) term as the stored text may spell it: titles and descriptions are kept as their
// authors typed them, so "AI" must also look for "ＡＩ" and "カフェ" for "ｶﾌｪ". A word mixing
// widths ("ＡI") is not covered; that would need the indexed text itself normalised.
export function widthVariants(term: string): string[] {
  const wide = term.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const half = [...term].map((c) => HALF_WIDTH_KANA.get(c) ?? c).join('');
  return [...new Set([term, wide, half])];
}
