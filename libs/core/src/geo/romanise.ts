// Hepburn romanisation of a municipality's reading (ひらがな), as Japan's own English signs and
// municipal sites write place names: long vowels without macrons (ちゅうおう → Chuo), ん as n.

const BASE: Record<string, string> = {
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
  ゔ: 'vu',
  ぁ: 'a',
  ぃ: 'i',
  ぅ: 'u',
  ぇ: 'e',
  ぉ: 'o',
};

const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };

// Syllables of a reading: きょう → kyo + u; っ doubles the next consonant.
function syllables(kana: string): string[] {
  const out: string[] = [];
  let double = false;
  for (const ch of kana) {
    if (ch === 'っ') {
      double = true;
      continue;
    }
    let syllable: string;
    if (SMALL_Y[ch] && out.length) {
      // き + ょ → kyo; し + ょ → sho; ち + ょ → cho; じ + ょ → jo.
      const previous = out.pop()!;
      const stem = previous.slice(0, -1);
      syllable = /(sh|ch|j)$/.test(stem) ? stem + SMALL_Y[ch] : `${stem}y${SMALL_Y[ch]}`;
    } else if (ch === 'ー') {
      continue;
    } else {
      syllable = BASE[ch] ?? '';
    }
    if (double && syllable) {
      syllable = (syllable.startsWith('ch') ? 't' : syllable[0]) + syllable;
      double = false;
    }
    out.push(syllable);
  }
  return out;
}

export function romanise(kana: string): string {
  const parts = syllables(kana);
  let text = '';
  for (const [i, syllable] of parts.entries()) {
    const previous = i > 0 ? parts[i - 1] : '';
    // Long vowels lose their second letter: おう, おお → o; うう → u.
    const long =
      (syllable === 'u' && /[ou]$/.test(previous)) || (syllable === 'o' && /o$/.test(previous));
    // ん before a vowel or y is written n' in strict Hepburn; place names drop the apostrophe.
    if (!long) text += syllable;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The reading of each kind of municipality's suffix, and its English word.
const SUFFIXES: Record<string, { readings: string[]; word: string }> = {
  市: { readings: ['し'], word: 'City' },
  町: { readings: ['ちょう', 'まち'], word: 'Town' },
  村: { readings: ['むら', 'そん'], word: 'Village' },
  区: { readings: ['く'], word: 'City' },
};

function withoutSuffix(name: string, kana: string): { stem: string; word?: string } {
  const suffix = SUFFIXES[name.slice(-1)];
  const reading = suffix?.readings.find((r) => kana.endsWith(r) && kana.length > r.length);
  return reading ? { stem: kana.slice(0, -reading.length), word: suffix.word } : { stem: kana };
}

// A municipality's English name from its name and reading: 美幌町 びほろちょう → "Bihoro Town";
// a designated city's ward 札幌市 中央区 さっぽろし ちゅうおうく → "Chuo Ward, Sapporo";
// Tokyo's special wards call themselves cities (千代田区 → "Chiyoda City").
export function municipalityNameEn(name: string, kana: string): string {
  const names = name.split(/\s+/);
  const readings = kana.split(/\s+/);
  if (names.length === 2 && readings.length === 2) {
    const city = withoutSuffix(names[0], readings[0]);
    const ward = withoutSuffix(names[1], readings[1]);
    return `${romanise(ward.stem)} Ward, ${romanise(city.stem)}`;
  }
  const { stem, word } = withoutSuffix(name, kana);
  return word ? `${romanise(stem)} ${word}` : romanise(stem);
}
