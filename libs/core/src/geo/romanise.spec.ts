import { JapanGeography } from './japan-geography';
import { municipalityNameEn, romanise } from './romanise';

describe('romanise', () => {
  it('writes readings in Hepburn without macrons, as place names are signed', () => {
    expect(romanise('さっぽろ')).toBe('Sapporo');
    expect(romanise('ちゅうおう')).toBe('Chuo');
    expect(romanise('いちのせき')).toBe('Ichinoseki');
    expect(romanise('とうきょう')).toBe('Tokyo');
    expect(romanise('おおさか')).toBe('Osaka');
    expect(romanise('じょうえつ')).toBe('Joetsu');
    expect(romanise('きっちょう')).toBe('Kitcho');
    expect(romanise('しんじゅく')).toBe('Shinjuku');
  });
});

describe('municipalityNameEn', () => {
  it('names towns, cities, villages and wards in English', () => {
    expect(municipalityNameEn('美幌町', 'びほろちょう')).toBe('Bihoro Town');
    expect(municipalityNameEn('一関市', 'いちのせきし')).toBe('Ichinoseki City');
    expect(municipalityNameEn('上松町', 'あげまつまち')).toBe('Agematsu Town');
    expect(municipalityNameEn('榛東村', 'しんとうむら')).toBe('Shinto Village');
    expect(municipalityNameEn('千代田区', 'ちよだく')).toBe('Chiyoda City');
    expect(municipalityNameEn('札幌市 中央区', 'さっぽろし ちゅうおうく')).toBe(
      'Chuo Ward, Sapporo',
    );
  });

  it('gives every municipality of the reference data a name in Latin letters', () => {
    const geo = JapanGeography.get();
    expect(geo.municipalities.size).toBeGreaterThan(1900);
    for (const m of geo.municipalities.values()) {
      expect(m.nameEn).toMatch(/^[A-Z][A-Za-z' ,-]+$/);
    }
  });
});
