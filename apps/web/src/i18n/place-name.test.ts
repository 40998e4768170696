import { describe, expect, it } from 'vitest';
import { placeName } from './place-name';

const place = {
  prefecture: { name: '北海道', nameEn: 'Hokkaido' },
  municipality: { name: '北海道美幌町', nameEn: 'Bihoro Town' },
};

describe('placeName', () => {
  it('names a place in Japanese as its municipality, which carries its prefecture', () => {
    expect(placeName(place, 'ja')).toBe('北海道美幌町');
  });

  it('names it in English in Latin letters, prefecture after', () => {
    expect(placeName(place, 'en')).toBe('Bihoro Town, Hokkaido');
    expect(placeName(place, 'en')).not.toMatch(/[一-龯]/);
  });
});
