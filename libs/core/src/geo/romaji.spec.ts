import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { romanizeKana, romanizeMunicipality } from './romaji';

describe('romanizeKana', () => {
  it.each([
    ['おおさか', 'osaka'],
    ['とうきょう', 'tokyo'],
    ['ほっかいどう', 'hokkaido'],
    ['びほろ', 'bihoro'],
    ['まっちゃ', 'matcha'],
    ['しんおおさか', "shin'osaka"],
    ['じゅうにしゃ', 'junisha'],
    ['ふくい', 'fukui'],
  ])('%s → %s', (kana, roman) => {
    expect(romanizeKana(kana)).toBe(roman);
  });
});

describe('romanizeMunicipality', () => {
  it.each([
    ['美幌町', 'びほろちょう', 'Bihoro-cho'],
    ['札幌市 中央区', 'さっぽろし ちゅうおうく', 'Sapporo-shi Chuo-ku'],
    ['千代田区', 'ちよだく', 'Chiyoda-ku'],
    ['東吉野村', 'ひがしよしのむら', 'Higashiyoshino-mura'],
    ['与那国町', 'よなぐにちょう', 'Yonaguni-cho'],
  ])('%s (%s) → %s', (name, kana, roman) => {
    expect(romanizeMunicipality(name, kana)).toBe(roman);
  });

  it('leaves no kana in any municipality of the reference data', () => {
    const rows = readFileSync(join(__dirname, 'data', 'municipalities.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(','));
    const bad = rows
      .map(([, , , city, kana]) => romanizeMunicipality(city, kana))
      .filter((roman) => !/^[A-Z][a-z']*(-[a-z]+)?( [A-Z][a-z']*(-[a-z]+)?)?$/.test(roman));
    expect(bad).toEqual([]);
  });
});
