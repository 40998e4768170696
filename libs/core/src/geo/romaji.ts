// Kana readings in Hepburn romanisation as Japanese signage writes place names: long vowels
// without macrons (おおさか → Osaka, ちょう → cho), っ doubling the next consonant.

const SYLLABLES: Record<string, string> = {
  あ: 'a',
  い: 'i',
  う: 'u',
  え: 'e',
  お: 'o',
  か: 'ka',
  き: 'ki',
  く: 'ku',
  け: 'ke',
  こ: 'ko',
  が: 'ga',
  ぎ: 'gi',
  ぐ: 'gu',
  げ: 'ge',
  ご: 'go',
  さ: 'sa',
  し: 'shi',
  す: 'su',
  せ: 'se',
  そ: 'so',
  ざ: 'za',
  じ: 'ji',
  ず: 'zu',
  ぜ: 'ze',
  ぞ: 'zo',
  た: 'ta',
  ち: 'chi',
  つ: 'tsu',
  て: 'te',
  と: 'to',
  だ: 'da',
  ぢ: 'ji',
  づ: 'zu',
  で: 'de',
  ど: 'do',
  な: 'na',
  に: 'ni',
  ぬ: 'nu',
  ね: 'ne',
  の: 'no',
  は: 'ha',
  ひ: 'hi',
  ふ: 'fu',
  へ: 'he',
  ほ: 'ho',
  ば: 'ba',
  び: 'bi',
  ぶ: 'bu',
  べ: 'be',
  ぼ: 'bo',
  ぱ: 'pa',
  ぴ: 'pi',
  ぷ: 'pu',
  ぺ: 'pe',
  ぽ: 'po',
  ま: 'ma',
  み: 'mi',
  む: 'mu',
  め: 'me',
  も: 'mo',
  や: 'ya',
  ゆ: 'yu',
  よ: 'yo',
  ら: 'ra',
  り: 'ri',
  る: 'ru',
  れ: 're',
  ろ: 'ro',
  わ: 'wa',
  ゐ: 'i',
  ゑ: 'e',
  を: 'o',
  ん: 'n',
};

const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };

function syllables(kana: string): string[] {
  const out: string[] = [];
  for (const ch of kana) {
    const small = SMALL_Y[ch];
    const prev = out.length ? out[out.length - 1] : undefined;
    if (small && prev && prev.endsWith('i')) {
      // き+ゃ → kya; し+ゃ → sha; ち+ゃ → cha; じ+ゃ → ja.
      const stem = prev.slice(0, -1);
      out[out.length - 1] = /^(sh|ch|j)$/.test(stem) ? stem + small : `${stem}y${small}`;
    } else {
      out.push(ch === 'っ' ? 'っ' : (SYLLABLES[ch] ?? ch));
    }
  }
  return out;
}

export function romanizeKana(kana: string): string {
  const parts = syllables(
    kana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)),
  );
  let text = '';
  parts.forEach((syllable, i) => {
    const next = parts[i + 1] ?? '';
    if (syllable === 'っ') {
      text += next.startsWith('ch') ? 't' : next.charAt(0);
    } else if (syllable === 'n' && /^[aiueoy]/.test(next)) {
      text += "n'";
    } else {
      text += syllable;
    }
  });
  // Long vowels: ou, oo and uu written once.
  return text.replace(/o[ou]/g, 'o').replace(/uu/g, 'u');
}

// The municipality kinds' suffixes, romanised apart so that names read "Bihoro-cho".
const SUFFIXES: ReadonlyArray<[kanji: string, kana: string, roman: string]> = [
  ['市', 'し', 'shi'],
  ['区', 'く', 'ku'],
  ['町', 'ちょう', 'cho'],
  ['町', 'まち', 'machi'],
  ['村', 'むら', 'mura'],
  ['村', 'そん', 'son'],
];

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// A municipality's name in romaji from its name and kana reading, part by part (designated
// cities' wards come as「札幌市 中央区」/「さっぽろし ちゅうおうく」): "Sapporo-shi Chuo-ku".
export function romanizeMunicipality(name: string, kana: string): string {
  const names = name.trim().split(/\s+/);
  const readings = kana.trim().split(/\s+/);
  return readings
    .map((reading, i) => {
      const part = names[i] ?? '';
      const suffix = SUFFIXES.find(([kanji, k]) => part.endsWith(kanji) && reading.endsWith(k));
      if (!suffix || reading.length === suffix[1].length) return capitalise(romanizeKana(reading));
      const stem = reading.slice(0, -suffix[1].length);
      return `${capitalise(romanizeKana(stem))}-${suffix[2]}`;
    })
    .join(' ');
}
